// `npm run mock` and `npm run proxy`: Prism on the bundle, with a port you choose.
//
//   npm run mock  -- [--port P] [--host H]                   the mock (default 127.0.0.1:4010)
//   npm run proxy -- [--port P] [--host H] [--upstream URL]  the validation proxy (--errors) in
//        front of the sandbox's default app, http://127.0.0.1:$PORT/easemob-demo/chatdemoui:
//        PORT is the sandbox's port, as for `npm start` (default 4000)
//
// Prism itself fails with a stack trace when a flag comes twice, so the flags are read here.
// Signals are passed on to Prism, and its exit code is ours.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('../', import.meta.url));
const command = process.argv[2];
const usage = `Usage: npm run mock -- [--port P] [--host H]
       npm run proxy -- [--port P] [--host H] [--upstream URL]   (upstream default: the sandbox on PORT, else 4000)`;

function usageError(message: string): never {
  console.error(`${command ?? 'prism'}: ${message}\n\n${usage}`);
  process.exit(2);
}

if (command !== 'mock' && command !== 'proxy') usageError('the first argument is mock or proxy');

const { values } = (() => {
  try {
    return parseArgs({
      args: process.argv.slice(3),
      options: { port: { type: 'string' }, host: { type: 'string' }, upstream: { type: 'string' }, help: { type: 'boolean' } },
    });
  } catch (error) {
    usageError(error instanceof Error ? error.message : 'bad arguments');
  }
})();
if (values.help) {
  console.log(usage);
  process.exit(0);
}

function port(name: string, value: string): number {
  const n = /^[0-9]+$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1 && n <= 65535)) usageError(`${name} must be a port from 1 to 65535, not "${value}"`);
  return n;
}

const host = values.host ?? '127.0.0.1';
const listenPort = values.port ? port('--port', values.port) : 4010;
const sandboxPort = process.env.PORT ? port('PORT', process.env.PORT) : 4000;
if (command === 'mock' && values.upstream) usageError('--upstream is for the proxy');
const upstream = values.upstream ?? `http://127.0.0.1:${sandboxPort}/easemob-demo/chatdemoui`;

// Prism reports a port in use with a stack trace: check first, and say it in one line.
await new Promise<void>((resolve) => {
  const probe = createServer();
  probe.once('error', (error: NodeJS.ErrnoException) => {
    const hint = error.code === 'EADDRINUSE' ? `the port is in use; choose another: npm run ${command} -- --port ${listenPort + 1}` : error.message;
    console.error(`${command}: cannot listen on ${host}:${listenPort}: ${hint}`);
    process.exit(1);
  });
  probe.listen(listenPort, host, () => probe.close(() => resolve()));
});

const args =
  command === 'mock'
    ? ['mock', 'generated/openapi.json', '--host', host, '--port', String(listenPort)]
    : ['proxy', 'generated/openapi.json', upstream, '--host', host, '--port', String(listenPort), '--errors'];
if (command === 'proxy') console.log(`proxy: http://${host}:${listenPort} → ${upstream}`);
const prism = spawn(`${root}node_modules/.bin/prism`, args, { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => prism.kill(signal));
prism.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
