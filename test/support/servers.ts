// Starting and stopping local servers for tests: always 127.0.0.1, always a free port, always stopped.
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Whether something accepts connections on 127.0.0.1:port now. */
export function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/** Whether 127.0.0.1:port comes to accept connections (`open`) or stop accepting them within `ms`. */
async function becomes(port: number, open: boolean, ms: number, pollMs: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if ((await listening(port)) === open) return true;
    await new Promise((r) => setTimeout(r, pollMs));
  }
  return false;
}

/** Whether 127.0.0.1:port stops accepting connections within `ms` (a stopped server let it go). */
export const closedWithin = (port: number, ms: number): Promise<boolean> => becomes(port, false, ms, 100);

/** Whether something starts accepting connections on 127.0.0.1:port within `ms` (a started server). */
export const openedWithin = (port: number, ms: number): Promise<boolean> => becomes(port, true, ms, 50);

/** A port nothing listens on now, for tools that cannot be told to take port 0 and report back. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface RunningPrism {
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * Runs a Prism command (`mock`, `proxy …`) on 127.0.0.1 and a free port, and resolves once it
 * listens. `command` is what comes before the bundle, `args` what follows it.
 */
export async function startPrismCommand(command: string, args: string[] = []): Promise<RunningPrism> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    join(projectRoot, 'node_modules/.bin/prism'),
    [command, join(projectRoot, 'generated/openapi.json'), ...args, '--host', '127.0.0.1', '--port', String(port)],
    { stdio: ['ignore', 'pipe', 'pipe'], detached: false },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    // A deadline for a failure only: on a busy machine Prism takes 5 to 20 s to start.
    const timer = setTimeout(() => reject(new Error(`prism ${command} did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Prism is listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`prism ${command} exited with ${code}:\n${output}`));
    });
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** `prism mock` of the bundle. */
export function startPrism(): Promise<RunningPrism> {
  return startPrismCommand('mock');
}
