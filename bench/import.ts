// `npm run bench:import`: the import command against the sandbox.
//   1. 10,000 users at the sandbox's 30-a-second limit: requests a second achieved, as a
//      fraction of the limit (goal: at least 0.95), and rate-limit rejections (goal: none).
//   2. The same with both limits off: users registered a second.
//   3. Peak memory (max RSS) of a dry run over 100,000 and 1,000,000 rows: flat means streamed.
// The import runs as its own process (the real command); the sandbox in this one, its request
// log giving the server-side timing. Everything stays on 127.0.0.1 and stops by itself.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { startSandbox } from '../src/sandbox/index.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const NODE = join(root, 'node_modules/.bin/node');
const dir = mkdtempSync(join(tmpdir(), 'easemob-bench-import-'));

function usersCsv(name: string, count: number): string {
  const path = join(dir, name);
  const rows = ['username,password'];
  for (let i = 0; i < count; i++) rows.push(`bench_${name.replace(/\W/g, '')}_${i},pw${i}`);
  writeFileSync(path, rows.join('\n') + '\n');
  return path;
}

async function importInto(rateLimit: number | 'off', rateFlag: string, users: number) {
  const log: Array<{ at: number; line: string }> = [];
  // A cheap password hash: this measures the import's pacing, not the sandbox's scrypt (which at
  // its default cost would hold 10,000 users to about 1,000 a second on this machine).
  const sandbox = await startSandbox({
    port: 0,
    host: '127.0.0.1',
    rateLimit,
    scryptCost: 16,
    log: (line) => log.push({ at: performance.now(), line }),
  });
  try {
    const app = sandbox.apps[0]!;
    const file = usersCsv(`users-${rateFlag}.csv`, users);
    const env = { ...process.env, EASEMOB_BASE_URL: app.baseUrl, EASEMOB_CLIENT_ID: app.clientId, EASEMOB_CLIENT_SECRET: app.clientSecret };
    const { stdout } = await run(NODE, [join(root, 'src/cli/easemob-users.ts'), 'import', file, '--rate', rateFlag], { env, maxBuffer: 1 << 24 });
    const posts = log.filter((entry) => entry.line.startsWith('POST') && entry.line.includes('/users '));
    const seconds = (posts.at(-1)!.at - posts[0]!.at) / 1000;
    // Requests the server saw in each whole second of the run (the first and last are partial).
    const perSecond = new Map<number, number>();
    for (const entry of posts) perSecond.set(Math.floor(entry.at / 1000), (perSecond.get(Math.floor(entry.at / 1000)) ?? 0) + 1);
    const first = Math.floor(posts[0]!.at / 1000);
    const last = Math.floor(posts.at(-1)!.at / 1000);
    const whole = Array.from({ length: Math.max(0, last - first - 1) }, (_, i) => perSecond.get(first + 1 + i) ?? 0);
    const pacedRate = whole.length ? whole.reduce((a, b) => a + b, 0) / whole.length : NaN;
    return {
      created: Number(/created:\s+(\d+)/.exec(stdout)?.[1]),
      requests: posts.length,
      seconds,
      pacedRate,
      busiestSecond: Math.max(...perSecond.values()),
      rejected: log.filter((entry) => / (503|429) /.test(entry.line)).length,
    };
  } finally {
    await sandbox.close();
  }
}

async function dryRunMemory(rows: number): Promise<{ maxRssMiB: number; heapAfterMiB: number }> {
  const file = join(dir, `dry-${rows}.csv`);
  await new Promise<void>((resolve, reject) => {
    const out = createWriteStream(file);
    out.write('username,password,nickname\n');
    let i = 0;
    const writeMore = () => {
      let ok = true;
      while (i < rows && ok) ok = out.write(`user_${i},password${i},nick ${i++}\n`);
      if (i < rows) out.once('drain', writeMore);
      else out.end(resolve);
    };
    out.on('error', reject);
    writeMore();
  });
  const script = `
    import { runImport } from ${JSON.stringify(join(root, 'src/cli/import/run-import.ts'))};
    const summary = await runImport({ input: ${JSON.stringify(file)}, dryRun: true });
    if (summary.valid !== ${rows}) throw new Error('expected ${rows} valid rows, got ' + summary.valid);
    globalThis.gc();
    console.log(JSON.stringify({ maxRss: process.resourceUsage().maxRSS, heapUsed: process.memoryUsage().heapUsed }));`;
  // A 64 MiB heap cap: a run that kept rows around would die of it.
  const { stdout } = await run(NODE, ['--max-old-space-size=64', '--expose-gc', '--input-type=module', '-e', script], { cwd: root });
  const { maxRss, heapUsed } = JSON.parse(stdout.trim().split('\n').at(-1)!) as { maxRss: number; heapUsed: number };
  return { maxRssMiB: maxRss / 1024, heapAfterMiB: heapUsed / 2 ** 20 };
}

try {
  const limited = await importInto(30, '30', 10_000);
  console.log(`10,000 users at the 30/s limit: ${limited.created} created in ${limited.requests} requests over ${limited.seconds.toFixed(2)} s`);
  console.log(
    `  ${limited.pacedRate.toFixed(2)} requests a whole second on average = ${(limited.pacedRate / 30).toFixed(3)} of the limit (goal ≥ 0.95); ` +
      `busiest second at the server: ${limited.busiestSecond}; rate-limit rejections: ${limited.rejected} (goal 0)`,
  );

  const open = await importInto('off', 'off', 10_000);
  console.log(`10,000 users with both limits off: ${open.created} created in ${open.seconds.toFixed(2)} s = ${(open.created / open.seconds).toFixed(0)} users/s`);

  for (const rows of [100_000, 1_000_000]) {
    const memory = await dryRunMemory(rows);
    console.log(
      `dry run of ${rows.toLocaleString('en')} rows under a 64 MiB heap cap: peak RSS ${memory.maxRssMiB.toFixed(0)} MiB, live heap at the end ${memory.heapAfterMiB.toFixed(1)} MiB`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
