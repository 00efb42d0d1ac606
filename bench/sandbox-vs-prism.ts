// `npm run bench:sandbox`: the sandbox beside a bare node:http server (the baseline: one constant
// user JSON, bench/bare-server.ts), the same server writing its answers in batches as the sandbox
// does (bare-batched: against it, what is left is the sandbox's own work), and Prism's mock, in
// one run, loaded by wrk (one thread, 50 connections, 127.0.0.1 only; wrk costs the servers
// little). Each server runs in its own process.
//
// Scenarios: GET /users/{username}; POST /users with one user; POST /users with batches of 60
// (users a second = requests × 60). The sandbox runs as `npm start` runs it: in memory, default
// password-hash cost, rate limit off (a 30/s limit would measure the limiter).
//
// Goals (issue 10): GET ≥ 0.6 of bare and ≥ 10× Prism, p99 < 5 ms; registration ≥ 1,800 users a
// second in 60-user batches. Needs wrk (Debian: apt-get install -y wrk); not part of `npm test`.
//
// On a shared machine other work steals CPU from one run and not the next: the targets are run in
// turn, `--rounds` times, and each keeps its best round (highest rate, lowest p99).
//
//   node bench/sandbox-vs-prism.ts [--duration SECONDS] [--rounds N] [--scrypt-cost N] [--db FILE]
//                                  [--only get,one,batch]   (some scenarios only; default all)
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot, startPrismCommand } from '../test/support/servers.ts';

const { values } = parseArgs({
  options: { duration: { type: 'string', default: '4' }, rounds: { type: 'string', default: '3' }, 'scrypt-cost': { type: 'string' }, db: { type: 'string' }, only: { type: 'string' } },
});
const duration = Number(values.duration);
const rounds = Number(values.rounds);
const CONNECTIONS = 50;
const NODE = join(projectRoot, 'node_modules/.bin/node');

try {
  execFileSync('wrk', ['--version'], { stdio: 'ignore' });
} catch (error) {
  // wrk prints its version and exits 1; only a missing binary is a failure.
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
    console.error('bench:sandbox needs wrk: apt-get install -y wrk (Debian/Ubuntu), brew install wrk (macOS)');
    process.exit(1);
  }
}

/** Starts a child process and waits for `ready` to match its output. */
function startChild(args: string[], ready: RegExp): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  const child = spawn(NODE, args, { cwd: projectRoot, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match) resolve({ child, match });
    });
    child.once('exit', (code) => reject(new Error(`${args[0]} exited with ${code}`)));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM'))));
}

interface WrkResult {
  rps: number;
  p99: number;
  non2xx: number;
  errors: number;
}

const work = mkdtempSync(join(tmpdir(), 'bench-sandbox-'));

/** wrk's Lua script: one request shape, a username made unique by a counter where needed. */
function script(name: string, method: string, path: string, headers: Record<string, string>, body: 'none' | 'one' | 'batch'): string {
  const file = join(work, `${name}.lua`);
  const tag = Math.random().toString(36).slice(2, 8);
  const lines = [
    `wrk.method = "${method}"`,
    ...Object.entries(headers).map(([k, v]) => `wrk.headers["${k}"] = "${v}"`),
    'local n = 0',
    'request = function()',
    '  n = n + 1',
  ];
  if (body === 'none') lines.push(`  return wrk.format(nil, "${path}")`);
  if (body === 'one') lines.push(`  return wrk.format(nil, "${path}", nil, '{"username":"b${tag}_' .. n .. '","password":"bench-password"}')`);
  if (body === 'batch') {
    lines.push(
      '  local users = {}',
      `  for i = 1, 60 do users[i] = '{"username":"b${tag}_' .. n .. '_' .. i .. '","password":"bench-password"}' end`,
      `  return wrk.format(nil, "${path}", nil, "[" .. table.concat(users, ",") .. "]")`,
    );
  }
  lines.push('end');
  writeFileSync(file, lines.join('\n'));
  return file;
}

function wrk(url: string, scriptFile: string, seconds: number): WrkResult {
  const out = execFileSync('wrk', ['-t1', `-c${CONNECTIONS}`, `-d${seconds}s`, '--timeout', '10s', '--latency', '-s', scriptFile, url], { encoding: 'utf8' });
  const number = (re: RegExp) => Number(re.exec(out)?.[1] ?? 0);
  const p99 = /^\s+99%\s+([\d.]+)(us|ms|s)\s*$/m.exec(out);
  const scale = p99 ? { us: 0.001, ms: 1, s: 1000 }[p99[2] as 'us' | 'ms' | 's'] : NaN;
  const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    rps: number(/Requests\/sec:\s+([\d.]+)/),
    p99: p99 ? Number(p99[1]) * scale : NaN,
    non2xx: number(/Non-2xx or 3xx responses: (\d+)/),
    errors: errors ? errors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
  };
}

const bare = await startChild(['bench/bare-server.ts'], /listening (\d+)/);
const bareBatched = await startChild(['bench/bare-server.ts', '--batched'], /listening (\d+)/);
const sandboxArgs = ['src/cli/sandbox.ts', '--port', '0', '--rate-limit', 'off'];
if (values['scrypt-cost']) sandboxArgs.push('--scrypt-cost', values['scrypt-cost']);
if (values.db) sandboxArgs.push('--db', values.db);
const sandbox = await startChild(sandboxArgs, /base URL\s+(\S+)[\s\S]*client id\s+(\S+)[\s\S]*client secret\s+(\S+)[\s\S]*Rate limit/);
const prism = await startPrismCommand('mock', ['--errors', 'false']);
try {
  const [, baseUrl, clientId, clientSecret] = sandbox.match;
  const tokenAnswer = await fetch(`${baseUrl}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
  });
  const { access_token: token } = (await tokenAnswer.json()) as { access_token: string };
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const seeded = await fetch(`${baseUrl}/users`, { method: 'POST', headers, body: JSON.stringify({ username: 'jliu', password: '123456' }) });
  if (seeded.status !== 200) throw new Error(`seeding failed: ${seeded.status}`);

  const sandboxOrigin = new URL(baseUrl!).origin;
  const prefix = new URL(baseUrl!).pathname;
  const targets = {
    bare: { url: `http://127.0.0.1:${bare.match[1]}`, prefix: '' },
    'bare-batched': { url: `http://127.0.0.1:${bareBatched.match[1]}`, prefix: '' },
    sandbox: { url: sandboxOrigin, prefix },
    prism: { url: prism.baseUrl, prefix: '' },
  };
  const allScenarios = {
    'GET /users/{username}': { key: 'get', method: 'GET', path: '/users/jliu', body: 'none', usersPerRequest: 0 },
    'POST /users (one user)': { key: 'one', method: 'POST', path: '/users', body: 'one', usersPerRequest: 1 },
    'POST /users (batch of 60)': { key: 'batch', method: 'POST', path: '/users', body: 'batch', usersPerRequest: 60 },
  } as const;
  const only = values.only?.split(',');
  const scenarios = Object.fromEntries(Object.entries(allScenarios).filter(([, s]) => !only || only.includes(s.key))) as Partial<typeof allScenarios>;

  const rows: Array<{ scenario: string; target: string } & WrkResult> = [];
  for (const [scenario, s] of Object.entries(scenarios)) {
    const best = new Map<string, WrkResult>();
    for (let round = 0; round < rounds; round++) {
      for (const [target, { url, prefix: p }] of Object.entries(targets)) {
        // A script per run: each has its own username tag, so no run registers a name twice.
        const make = (label: string) => script(`${target}-${s.body}-${label}-${round}`, s.method, `${p}${s.path}`, headers, s.body);
        if (round === 0) wrk(url, make('warm-up'), 1);
        const result = wrk(url, make('run'), duration);
        const kept = best.get(target);
        best.set(target, kept ? { rps: Math.max(kept.rps, result.rps), p99: Math.min(kept.p99, result.p99), non2xx: kept.non2xx + result.non2xx, errors: kept.errors + result.errors } : result);
      }
    }
    for (const [target, result] of best) rows.push({ scenario, target, ...result });
  }

  console.log(`\nwrk, 1 thread, ${CONNECTIONS} connections, best of ${rounds} rounds of ${duration} s, 127.0.0.1; sandbox in ${values.db ? `file ${values.db}` : 'memory'}, scrypt cost ${values['scrypt-cost'] ?? 'default'}\n`);
  console.log('scenario                     target          req/s     users/s   p99 ms  non-2xx  errors');
  for (const row of rows) {
    const per = allScenarios[row.scenario as keyof typeof allScenarios].usersPerRequest;
    console.log(
      `${row.scenario.padEnd(29)}${row.target.padEnd(16)}${row.rps.toFixed(0).padStart(7)}  ${per ? (row.rps * per).toFixed(0).padStart(8) : '       -'}  ${row.p99.toFixed(2).padStart(7)}  ${String(row.non2xx).padStart(7)}  ${String(row.errors).padStart(6)}`,
    );
  }
  console.log('');
  const find = (scenario: string, target: string) => rows.find((r) => r.scenario === scenario && r.target === target)!;
  for (const scenario of Object.keys(scenarios)) {
    const s = find(scenario, 'sandbox');
    console.log(
      `${scenario}: sandbox ${(s.rps / find(scenario, 'bare').rps).toFixed(2)} of bare (${(s.rps / find(scenario, 'bare-batched').rps).toFixed(2)} of bare-batched), ${(s.rps / find(scenario, 'prism').rps).toFixed(1)}x Prism, p99 ${s.p99.toFixed(2)} ms`,
    );
  }
  const goal = (met: boolean) => (met ? 'met' : 'NOT met');
  console.log('');
  if (scenarios['GET /users/{username}']) {
    const get = find('GET /users/{username}', 'sandbox');
    console.log(`goal GET ≥ 0.6 of bare: ${goal(get.rps / find('GET /users/{username}', 'bare').rps >= 0.6)}; ≥ 10x Prism: ${goal(get.rps / find('GET /users/{username}', 'prism').rps >= 10)}; p99 < 5 ms: ${goal(get.p99 < 5)}`);
  }
  if (scenarios['POST /users (batch of 60)']) {
    const batch = find('POST /users (batch of 60)', 'sandbox');
    console.log(`goal ≥ 1,800 users/s in batches of 60: ${goal(batch.rps * 60 >= 1800)} (${(batch.rps * 60).toFixed(0)})`);
  }
  if (rows.some((r) => r.target === 'sandbox' && (r.non2xx > 0 || r.errors > 0))) console.log('WARNING: the sandbox answered non-2xx or had socket errors; figures are not valid');
} finally {
  await prism.stop();
  await stopChild(sandbox.child);
  await stopChild(bare.child);
  await stopChild(bareBatched.child);
  rmSync(work, { recursive: true, force: true });
}
