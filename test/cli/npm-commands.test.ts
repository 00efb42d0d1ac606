// The repository's own commands as a newcomer runs them, through npm: `npm start`, `npm run mock`
// and `npm run proxy`. Signals sent to npm must stop the server behind it (npm forwards them to
// its script, which runs the server in its place), and failures must say what to do in one line.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.ts';
import { closedWithin, freePort, listening, projectRoot } from '../support/servers.ts';

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

const started: Running[] = [];
const others: Array<() => Promise<void>> = [];

function npm(args: string[], env: Record<string, string> = {}): Running {
  // Its own process group, so that cleanup can end npm and whatever it started, even when a
  // test fails because npm left its child behind.
  const child = spawn('npm', args, { cwd: projectRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const running = { child, output: () => output, exited };
  started.push(running);
  return running;
}

async function waitFor(running: Running, text: string, ms = 40_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!running.output().includes(text)) {
    if (running.child.exitCode !== null) throw new Error(`exited with ${running.child.exitCode} before "${text}":\n${running.output()}`);
    if (Date.now() > deadline) throw new Error(`no "${text}" within ${ms} ms:\n${running.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

afterEach(async () => {
  for (const running of started.splice(0)) {
    try {
      process.kill(-running.child.pid!, 'SIGKILL');
    } catch {
      // the group is gone already
    }
  }
  for (const stop of others.splice(0)) await stop();
});

describe('npm start', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('stops the sandbox when npm gets %s, so the port is free again', { timeout: 60_000 }, async (signal) => {
    const port = await freePort();
    const run = npm(['start', '--', '--port', String(port)]);
    await waitFor(run, 'Easemob sandbox on');
    expect(await listening(port)).toBe(true);
    run.child.kill(signal); // to npm only, not its process group: what `kill -TERM <npm pid>` does
    await run.exited;
    expect(await closedWithin(port, 5_000)).toBe(true);
  });

  it('prints export lines that, pasted, give a working token', { timeout: 60_000 }, async () => {
    const port = await freePort();
    const run = npm(['start', '--', '--port', String(port)]);
    await waitFor(run, 'export EASEMOB_CLIENT_SECRET=');
    const exported = Object.fromEntries(
      [...run.output().matchAll(/^\s*export (EASEMOB_\w+)='([^']*)'$/gm)].map((m) => [m[1]!, m[2]!]),
    );
    expect(Object.keys(exported).sort()).toEqual(['EASEMOB_BASE_URL', 'EASEMOB_CLIENT_ID', 'EASEMOB_CLIENT_SECRET']);
    const answer = await fetch(`${exported.EASEMOB_BASE_URL}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: exported.EASEMOB_CLIENT_ID, client_secret: exported.EASEMOB_CLIENT_SECRET }),
    });
    expect(answer.status).toBe(200);
  });

  it('reports a port in use in one line with what to do, and exits 1 without the usage text', { timeout: 60_000 }, async () => {
    const blocker: Server = createServer();
    const port = await new Promise<number>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)));
    others.push(() => new Promise((resolve) => blocker.close(() => resolve())));
    const run = npm(['start', '--silent', '--', '--port', String(port)]);
    expect(await run.exited).toBe(1);
    const stderr = run.output().trim();
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toContain(`127.0.0.1:${port}`);
    expect(stderr).toContain(`PORT=${port + 1} npm start`);
    expect(stderr).not.toContain('Usage');
  });

  it('names the database file it cannot open', { timeout: 60_000 }, async () => {
    const run = npm(['start', '--silent', '--', '--port', '0', '--db', '/nonexistent/dir/x.db']);
    expect(await run.exited).toBe(1);
    const stderr = run.output().trim();
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toContain('/nonexistent/dir/x.db');
    expect(stderr).not.toContain('Usage');
  });
});

describe('the sandbox command under a parent that goes away', () => {
  // A test fixture in another language (pytest, go test) starts `npx easemob-sandbox --port 0`,
  // reads the printed base URL and, when its tests end, kills the process it started: npx, or
  // the shell under it, neither of which passes a signal on. The sandbox closes when its parent
  // is gone. It once read who its parent was only after printing that line, and a parent that
  // went away as soon as it read it (a quick run, a failed fixture) left the sandbox running for
  // good, holding its port: 5 of 6 times on this machine.
  it('closes even when its parent dies the moment it reads the banner', { timeout: 60_000 }, async () => {
    for (let round = 0; round < 6; round++) {
      const shell = spawn('sh', ['-c', `"${process.execPath}" src/cli/sandbox.ts --port 0 --rate-limit off`], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
      const running: Running = { child: shell, output: () => '', exited: new Promise((resolve) => shell.once('exit', resolve)) };
      started.push(running);
      const port = await new Promise<number>((resolve, reject) => {
        let output = '';
        shell.stdout!.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const ready = /export EASEMOB_BASE_URL='http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
          if (!ready) return;
          shell.kill('SIGKILL'); // at once, in the same tick: the shell only, not its group
          resolve(Number(ready[1]));
        });
        shell.once('exit', () => reject(new Error(`the sandbox did not start:\n${output}`)));
      });
      expect(await closedWithin(port, 10_000), `round ${round}: the sandbox still listens on ${port}`).toBe(true);
    }
  });
});

describe('npm run mock and npm run proxy', () => {
  it('the mock listens on the port given, and stops with npm', { timeout: 90_000 }, async () => {
    const port = await freePort();
    const run = npm(['run', 'mock', '--', '--port', String(port)]);
    await waitFor(run, 'Prism is listening');
    const answer = await fetch(`http://127.0.0.1:${port}/users/jliu`, { headers: { authorization: 'Bearer any' } });
    expect(answer.status).toBe(200);
    run.child.kill('SIGTERM');
    await run.exited;
    expect(await closedWithin(port, 5_000)).toBe(true);
  });

  it("the proxy takes a port and follows the sandbox's PORT", { timeout: 90_000 }, async () => {
    const sandbox: Sandbox = await startSandbox({ port: 0, rateLimit: 'off' });
    others.push(() => sandbox.close());
    const app = sandbox.apps[0]!;
    const port = await freePort();
    const run = npm(['run', 'proxy', '--', '--port', String(port)], { PORT: new URL(sandbox.url).port });
    await waitFor(run, 'Prism is listening');
    const token = await fetch(`http://127.0.0.1:${port}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: app.clientId, client_secret: app.clientSecret }),
    });
    // Only the sandbox knows these generated credentials: a 200 proves the proxy reached it.
    expect(token.status).toBe(200);
    run.child.kill('SIGTERM');
    await run.exited;
    expect(await closedWithin(port, 5_000)).toBe(true);
  });

  it('refuses a port in use in one line', { timeout: 60_000 }, async () => {
    const blocker: Server = createServer();
    const port = await new Promise<number>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)));
    others.push(() => new Promise((resolve) => blocker.close(() => resolve())));
    const run = npm(['run', 'mock', '--silent', '--', '--port', String(port)]);
    expect(await run.exited).toBe(1);
    expect(run.output().trim()).toBe(`mock: cannot listen on 127.0.0.1:${port}: the port is in use; choose another: npm run mock -- --port ${port + 1}`);
  });
});

describe("Redocly's banners", () => {
  it('stay out of `npm run docs`, which still reports what it built', { timeout: 90_000 }, async () => {
    const run = npm(['run', 'docs']);
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('dist/docs/index.html');
    expect(run.output()).not.toMatch(/Redoc 3|╔|╚/);
  });
});
