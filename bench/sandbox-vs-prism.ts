// `npm run bench:sandbox`: throughput and p99 latency of GET /users/{username} and of single
// registration (POST /users), against the sandbox (rate limit off, in memory) and the Prism mock,
// side by side, interleaved, 50 connections, 127.0.0.1 only. Goal: sandbox ≥ 10× Prism's
// throughput and p99 < 5 ms.
//
// The sandbox runs as `npm start` runs it, in its own process (like Prism), so that autocannon
// does not share its event loop.
//
//   node bench/sandbox-vs-prism.ts [--duration SECONDS] [--scrypt-cost N]
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot, startPrismCommand } from '../test/support/servers.ts';

// autocannon is CommonJS and ships no types: describe the little used here.
interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: AutocannonRequest) => AutocannonRequest;
}
interface AutocannonResult {
  requests: { average: number };
  latency: { p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (options: { url: string; connections: number; duration: number; requests: AutocannonRequest[] }) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const { values } = parseArgs({ options: { duration: { type: 'string', default: '5' }, 'scrypt-cost': { type: 'string' } } });
const duration = Number(values.duration);
const CONNECTIONS = 50;

async function startSandboxProcess() {
  const args = ['src/cli/sandbox.ts', '--port', '0', '--rate-limit', 'off', ...(values['scrypt-cost'] ? ['--scrypt-cost', values['scrypt-cost']] : [])];
  const child = spawn(join(projectRoot, 'node_modules/.bin/node'), args, { cwd: projectRoot, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  const app = await new Promise<{ baseUrl: string; clientId: string; clientSecret: string }>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /base URL\s+(\S+)[\s\S]*client id\s+(\S+)[\s\S]*client secret\s+(\S+)[\s\S]*Rate limit/.exec(output);
      if (found) resolve({ baseUrl: found[1]!, clientId: found[2]!, clientSecret: found[3]! });
    });
    child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
  });
  return {
    app,
    url: new URL(app.baseUrl).origin,
    stop: () => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM')))),
  };
}

const sandbox = await startSandboxProcess();
const prism = await startPrismCommand('mock', ['--errors', 'false']);
try {
  const app = sandbox.app;
  const tokenAnswer = await fetch(`${app.baseUrl}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: app.clientId, client_secret: app.clientSecret }),
  });
  const { access_token: token } = (await tokenAnswer.json()) as { access_token: string };
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const seeded = await fetch(`${app.baseUrl}/users`, { method: 'POST', headers, body: JSON.stringify({ username: 'jliu', password: '123456' }) });
  if (seeded.status !== 200) throw new Error(`seeding failed: ${seeded.status}`);

  let counter = 0;
  const scenarios = {
    'GET /users/{username}': (): AutocannonRequest[] => [{ method: 'GET', path: '/users/jliu', headers }],
    'POST /users (one user)': (): AutocannonRequest[] => [
      {
        method: 'POST',
        path: '/users',
        headers,
        setupRequest: (request) => ({ ...request, body: JSON.stringify({ username: `bench${counter++}`, password: 'bench-password' }) }),
      },
    ],
  };
  const targets = { sandbox: { url: sandbox.url, prefix: new URL(app.baseUrl).pathname }, prism: { url: prism.baseUrl, prefix: '' } };

  const rows: Array<{ scenario: string; target: string; rps: number; p99: number; non2xx: number; errors: number }> = [];
  for (const [scenario, make] of Object.entries(scenarios)) {
    for (const [target, { url, prefix }] of Object.entries(targets)) {
      const requests = make().map((request) => ({ ...request, path: `${prefix}${request.path}` }));
      // A short warm-up, then the measured run.
      await autocannon({ url, connections: CONNECTIONS, duration: 1, requests });
      const result = await autocannon({ url, connections: CONNECTIONS, duration, requests });
      rows.push({ scenario, target, rps: result.requests.average, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors + result.timeouts });
    }
  }

  console.log(`\n${CONNECTIONS} connections, ${duration} s a run, 127.0.0.1\n`);
  console.log('scenario                  target    req/s      p99 ms  non-2xx  errors');
  for (const row of rows) {
    console.log(
      `${row.scenario.padEnd(26)}${row.target.padEnd(10)}${row.rps.toFixed(0).padStart(7)}  ${row.p99.toFixed(1).padStart(8)}  ${String(row.non2xx).padStart(7)}  ${String(row.errors).padStart(6)}`,
    );
  }
  console.log('');
  for (const scenario of Object.keys(scenarios)) {
    const s = rows.find((r) => r.scenario === scenario && r.target === 'sandbox')!;
    const p = rows.find((r) => r.scenario === scenario && r.target === 'prism')!;
    const ratio = s.rps / p.rps;
    console.log(
      `${scenario}: sandbox/prism throughput ${ratio.toFixed(1)}x (goal ≥ 10x: ${ratio >= 10 ? 'met' : 'NOT met'}), sandbox p99 ${s.p99.toFixed(1)} ms (goal < 5 ms: ${s.p99 < 5 ? 'met' : 'NOT met'})`,
    );
  }
} finally {
  await prism.stop();
  await sandbox.stop();
}
