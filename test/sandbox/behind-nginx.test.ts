// docs/sandbox.md's nginx block, as written, in a real nginx (Debian's nginx-light, which .ci/run
// installs) in front of a sandbox: the description the sandbox serves through it names the
// proxy's address, the one a tool that loaded it must call; the same nginx without the block's
// two proxy_set_header lines shows why they are there (it names the upstream).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.ts';
import { freePort, openedWithin, projectRoot } from '../support/servers.ts';

const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => spawnSync(path, ['-v']).status === 0);
// In CI nginx is installed, so the test always runs there; elsewhere it says why it does not.
const expectNginx = process.env.CI === 'true' || nginx !== undefined;
if (!expectNginx) console.warn('behind nginx: no nginx on this machine (apt-get install nginx-light), so the docs/sandbox.md block is not tried here');

let sandbox: Sandbox;
let dir: string;
let proxy: ChildProcess | undefined;

beforeAll(async () => {
  sandbox = await startSandbox({ host: '127.0.0.1', port: 0, rateLimit: 'off', apps: [{ org: 'team', app: 'chat' }] });
  dir = mkdtempSync(join(tmpdir(), 'easemob-nginx-'));
});
afterAll(async () => {
  // SIGTERM, not SIGKILL: the master stops its worker, which a killed master would leave listening.
  if (proxy && proxy.exitCode === null) {
    const exited = new Promise((resolve) => proxy!.once('exit', resolve));
    proxy.kill('SIGTERM');
    await exited;
  }
  await sandbox?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The nginx block of docs/sandbox.md, aimed at this sandbox, with its proxy_set_header lines or without. */
function documentedLocation(withHeaders: boolean): string {
  const block = /```nginx\n([\s\S]*?)```/.exec(readFileSync(join(projectRoot, 'docs/sandbox.md'), 'utf8'))?.[1];
  expect(block).toContain('proxy_set_header X-Forwarded-Host');
  const aimed = block!.replace('http://127.0.0.1:4000', sandbox.url);
  return withHeaders ? aimed : aimed.replace(/^\s*proxy_set_header .*\n/gm, '');
}

it.runIf(expectNginx)("names the proxy's address in the description served through nginx with docs/sandbox.md's block", { timeout: 30_000 }, async () => {
  expect(nginx, 'no nginx binary (CI installs nginx-light in .ci/run)').toBeDefined();
  const [documented, bare] = [await freePort(), await freePort()];
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `${kind}_temp_path ${dir};`).join(' ');
  writeFileSync(
    join(dir, 'nginx.conf'),
    `daemon off; worker_processes 1; pid ${dir}/nginx.pid; error_log ${dir}/error.log;
events {}
http {
  access_log off; ${temp}
  server { listen 127.0.0.1:${documented}; ${documentedLocation(true)} }
  server { listen 127.0.0.1:${bare}; ${documentedLocation(false)} }
}
`,
  );
  proxy = spawn(nginx!, ['-c', join(dir, 'nginx.conf'), '-p', dir], { stdio: 'ignore' });
  expect((await openedWithin(documented, 10_000)) && (await openedWithin(bare, 10_000)), `nginx did not start: ${existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : 'no error log'}`).toBe(true);
  const firstServer = async (port: number) =>
    ((await (await fetch(`http://127.0.0.1:${port}/openapi.json`)).json()) as { servers: Array<{ url: string }> }).servers[0]!.url;

  expect(await firstServer(documented)).toBe(`http://127.0.0.1:${documented}/team/chat`);
  expect(await firstServer(bare)).toBe(sandbox.apps[0]!.baseUrl);
});
