// `npm start` until the sandbox lands: serves the docs page and the bundle on 127.0.0.1:4000
// (HOST, PORT override) and runs the Prism mock on 127.0.0.1:4010. Builds the docs page first
// when it is missing.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 4000);
const docsPage = `${root}dist/docs/index.html`;

if (!existsSync(docsPage)) {
  execFileSync(process.execPath, [`${root}scripts/build.ts`, '--docs-only'], { cwd: root, stdio: 'inherit' });
}
const files: Record<string, [string, Buffer]> = {
  '/docs': ['text/html; charset=utf-8', readFileSync(docsPage)],
  '/openapi.json': ['application/json', readFileSync(`${root}generated/openapi.json`)],
  '/openapi.yaml': ['application/yaml', readFileSync(`${root}generated/openapi.yaml`)],
};

const server = createServer((req, res) => {
  const path = (req.url ?? '/').split('?')[0]!.replace(/\/$/, '') || '/';
  if (path === '/') return void res.writeHead(302, { location: '/docs' }).end();
  const file = files[path];
  if (!file) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
  res.writeHead(200, { 'content-type': file[0] }).end(file[1]);
});
server.listen(port, host, () => {
  console.log(`Docs:        http://${host}:${port}/docs`);
  console.log(`Description: http://${host}:${port}/openapi.json`);
});

const mock = spawn(`${root}node_modules/.bin/prism`, ['mock', `${root}generated/openapi.json`, '--host', '127.0.0.1', '--port', '4010'], {
  stdio: 'inherit',
});
const stop = () => {
  mock.kill('SIGTERM');
  server.close();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
mock.on('exit', (code) => {
  server.close();
  process.exitCode = code ?? 0;
});
