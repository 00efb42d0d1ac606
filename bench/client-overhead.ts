// `npm run bench:client`: what a call through the typed client with all its default layers
// (auth, retry, rate limiter, timeout, settling to data or EasemobError, on openapi-fetch) costs
// per request, against bare openapi-fetch doing the same request and parsing (the goal: our
// layers add at most 3%) and a raw fetch of the same URL with the same header, parsed the same way.
// Two requests: a read (GET one user), and a write with a JSON body (POST one registration).
//
// All three hit one local node:http server in its own process (in production the service is on
// another machine, so its work must not count as client overhead). The measure that decides is
// the client process's CPU time a request (process.cpuUsage): on a shared machine other load
// stretches wall time far more than it changes the CPU our process burns. Wall time is shown too.
//
// Noise is handled by design rather than by long runs: many short rounds, each running every
// contender once in an order that cycles through all permutations (so drift, JIT, GC and a noisy
// neighbour hit them alike), after a warm-up. Each round gives one ratio, easemob client over bare
// openapi-fetch, from two measurements taken a few milliseconds apart; the verdict is the median
// of those ratios with a 95% bootstrap interval (rounds resampled). The rounds come from RUNS
// processes run one after the other (default 3), pooled: each process's JIT and GC settle their
// own way, and moved one process's median by more than its own interval; each run's median is
// printed too. The ratio of the totals is shown beside it, because a median can step over a rare
// costly round (a major GC) that the client's garbage caused.
//
//   node bench/client-overhead.ts [requestsPerRound=50] [rounds=150] [concurrencies=1,16]   RUNS=3 processes, their rounds pooled
//   ONLY='easemob client' node --cpu-prof bench/client-overhead.ts 200000   one contender, for a profile
//   LAYERS=1 node bench/client-overhead.ts   also the client with each of its layers turned off, to see where its cost lies
import { execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import createClient from 'openapi-fetch';
import type { paths } from '../generated/schema.d.ts';
import { createEasemobClient, createRateLimiter, type EasemobClient } from '../src/client/index.ts';
import { bootstrapMedian, median, quantile, sum } from './round-statistics.ts';

const [perRound = 50, rounds = 150] = process.argv.slice(2, 4).map(Number);
const concurrencies = (process.argv[4] ?? '1,16').split(',').map(Number);
const GOAL_PERCENT = 3;
const TOKEN = 'YWMt-bench-token';
const RUNS = Number(process.env['RUNS'] ?? 3);

type Samples = Record<string, { wall: number[]; cpu: number[] }>;
type RunResult = { concurrency: number; samples: Samples };
/** What the report gives a verdict on: the client over bare openapi-fetch, by measure and request. */
const VERDICTS = [['cpu', ''], ['wall', ''], ['cpu', ' POST']] as const;

if (process.env['BENCH_RUN'] === undefined && process.env['ONLY'] === undefined) {
  // The report: RUNS processes one after the other, their rounds pooled. One process's JIT and
  // GC settle differently from the next one's, and moved its verdict by more than its own
  // interval (+1.9% in one run, +5.5% in the next): rounds from several runs average that out.
  const pooled = new Map<number, { samples: Samples; runMedians: number[][] }>();
  for (let run = 0; run < RUNS; run++) {
    const { stdout } = await promisify(execFile)(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
      env: { ...process.env, BENCH_RUN: String(run) },
      maxBuffer: 1 << 26,
    });
    for (const line of stdout.trim().split('\n')) {
      const { concurrency, samples } = JSON.parse(line) as RunResult;
      const into = pooled.get(concurrency) ?? { samples: {}, runMedians: [] };
      pooled.set(concurrency, into);
      for (const [name, { wall, cpu }] of Object.entries(samples)) {
        into.samples[name] ??= { wall: [], cpu: [] };
        into.samples[name].wall.push(...wall);
        into.samples[name].cpu.push(...cpu);
      }
      into.runMedians.push(VERDICTS.map(([measure, kind]) => median(ratiosOf(samples, measure, kind))));
    }
  }
  for (const [concurrency, { samples, runMedians }] of pooled) report(concurrency, samples, runMedians);
  process.exit(0);
}

const server = spawn(
  process.execPath,
  [
    '-e',
    `
  const { createServer } = require('node:http');
  const body = JSON.stringify({
    action: 'get',
    entities: [{ uuid: '7f90f7ca-bb24-11e2-b2d0-6d8e359945e4', type: 'user', created: 1, modified: 1, username: 'jliu', activated: true }],
    timestamp: 1,
    duration: 0,
  });
  const server = createServer((request, response) => {
    request.resume();
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    response.end(body);
  });
  server.listen(0, '127.0.0.1', () => console.log(server.address().port));
  process.stdin.on('end', () => process.exit(0)).resume();
  `,
  ],
  { stdio: ['pipe', 'pipe', 'inherit'] },
);
const port = await new Promise<number>((resolve) => server.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim()))));
const baseUrl = `http://127.0.0.1:${port}/org/app`;

// The client as a user gets it (default timeout, retries on), except for a rate limiter with a
// limit no run reaches, so that its code runs on every call but never waits.
const unlimited = () => createRateLimiter({ limit: 1e9, intervalMs: 1000 });
const client = createEasemobClient({ baseUrl, token: TOKEN, throttle: unlimited() });
const bare = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${TOKEN}` } });

const NEW_USER = { username: 'jliu', password: 'p4ssw0rd', nickname: 'Jian Liu' };
const getUser = (typed: EasemobClient) => async () => (await typed.GET('/users/{username}', { params: { path: { username: 'jliu' } } })).data;
const contenders: Record<string, () => Promise<unknown>> = {
  'raw fetch': async () => {
    const response = await fetch(`${baseUrl}/users/jliu`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    if (!response.ok) throw new Error(String(response.status));
    return response.json();
  },
  'bare openapi-fetch': async () => (await bare.GET('/users/{username}', { params: { path: { username: 'jliu' } } })).data,
  'easemob client': getUser(client),
  // A write with a body, as a registration sends: what may be sent twice (a 401 renewal, a
  // retry) must not cost every call a copy of its body.
  'bare openapi-fetch POST': async () => (await bare.POST('/users', { body: NEW_USER })).data,
  'easemob client POST': async () => (await client.POST('/users', { body: NEW_USER })).data,
  // LAYERS=1: what each layer costs, as what the client saves without it.
  ...(process.env['LAYERS'] && {
    'without timeout': getUser(createEasemobClient({ baseUrl, token: TOKEN, throttle: unlimited(), timeoutMs: false })),
    'without limiter': getUser(createEasemobClient({ baseUrl, token: TOKEN, throttle: false })),
    'without retries': getUser(createEasemobClient({ baseUrl, token: TOKEN, throttle: unlimited(), retry: false })),
    'without all three': getUser(createEasemobClient({ baseUrl, token: TOKEN, throttle: false, retry: false, timeoutMs: false })),
  }),
};
const names = Object.keys(contenders);

/** Wall and client CPU microseconds a request, over `count` calls with at most `concurrency` in flight. */
async function time(call: () => Promise<unknown>, count: number, concurrency: number): Promise<{ wall: number; cpu: number }> {
  let started = 0;
  const worker = async () => {
    while (started++ < count) await call();
  };
  const cpu = process.cpuUsage();
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const used = process.cpuUsage(cpu);
  return { wall: ((performance.now() - start) * 1000) / count, cpu: (used.user + used.system) / count };
}

const only = process.env['ONLY'];
if (only !== undefined) {
  // For a CPU profile of one contender: no interleaving, no statistics.
  if (!(only in contenders)) throw new Error(`ONLY must be one of: ${names.join(', ')}`);
  for (const concurrency of concurrencies) {
    const { wall, cpu } = await time(contenders[only]!, perRound, concurrency);
    console.log(`${only}, concurrency ${concurrency}: wall ${wall.toFixed(1)} µs/request, client CPU ${cpu.toFixed(1)} µs/request`);
  }
  server.stdin.end();
  process.exit(0);
}

/** Every order of the contenders, so that each follows each equally often. */
function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}
const orders = permutations(names);

for (const concurrency of concurrencies) {
  for (let i = 0; i < 3; i++) for (const name of names) await time(contenders[name]!, Math.max(perRound, 2000), concurrency); // warm-up
  const samples: Samples = Object.fromEntries(names.map((name) => [name, { wall: [], cpu: [] }]));
  for (let round = 0; round < rounds; round++) {
    for (const name of orders[round % orders.length]!) {
      const { wall, cpu } = await time(contenders[name]!, perRound, concurrency);
      samples[name]!.wall.push(wall);
      samples[name]!.cpu.push(cpu);
    }
  }
  console.log(JSON.stringify({ concurrency, samples } satisfies RunResult));
}

server.stdin.end();

/** Per round, easemob client over bare openapi-fetch (GET, or `kind` ' POST'). */
function ratiosOf(samples: Samples, measure: 'cpu' | 'wall', kind: '' | ' POST'): number[] {
  const ours = samples[`easemob client${kind}`]![measure];
  const base = samples[`bare openapi-fetch${kind}`]![measure];
  return ours.map((x, i) => x / base[i]!);
}

function report(concurrency: number, samples: Samples, runMedians: number[][]): void {
  const names = Object.keys(samples);
  const pooledRounds = samples[names[0]!]!.cpu.length;
  console.log(
    `concurrency ${concurrency}: ${pooledRounds} rounds × ${perRound} requests each, from ${runMedians.length} runs; medians per request (interquartile range)`,
  );
  for (const name of names) {
    const show = (xs: number[]) => `${median(xs).toFixed(1).padStart(6)} µs (${quantile(xs, 0.25).toFixed(1)}–${quantile(xs, 0.75).toFixed(1)})`;
    console.log(`  ${name.padEnd(24)} client CPU ${show(samples[name]!.cpu)}   wall ${show(samples[name]!.wall)}`);
  }
  VERDICTS.forEach(([measure, kind], v) => {
    const ratios = ratiosOf(samples, measure, kind);
    const ours = samples[`easemob client${kind}`]![measure];
    const base = samples[`bare openapi-fetch${kind}`]![measure];
    const [low, high] = bootstrapMedian(ratios);
    const mid = median(ratios);
    const verdict = high <= 1 + GOAL_PERCENT / 100 ? 'meets the goal' : low > 1 + GOAL_PERCENT / 100 ? 'over the goal' : 'the interval straddles the goal';
    console.log(
      `  our layers over bare openapi-fetch${kind || ' GET'}, ${measure === 'cpu' ? 'client CPU' : 'wall time '}: ${percent(mid)} ` +
        `(95% interval ${percent(low)} … ${percent(high)}; each run's median ${runMedians.map((run) => percent(run[v]!)).join(', ')}; ` +
        `ratios' IQR ${percent(quantile(ratios, 0.25))} … ${percent(quantile(ratios, 0.75))}; ` +
        `ratio of totals ${percent(sum(ours) / sum(base))}; ${(median(ours) - median(base)).toFixed(1)} µs a call)` +
        (measure === 'cpu' ? `: ${verdict} (≤ ${GOAL_PERCENT}%)` : ''),
    );
  });
  // Each layer's share: the full client over the client without that layer, per round, in client CPU.
  for (const name of names.filter((n) => n.startsWith('without '))) {
    const ratios = samples['easemob client']!.cpu.map((x, i) => x / samples[name]!.cpu[i]!);
    const [low, high] = bootstrapMedian(ratios);
    const overBare = samples[name]!.cpu.map((x, i) => x / samples['bare openapi-fetch']!.cpu[i]!);
    console.log(
      `  ${name.padEnd(24)} the client costs ${percent(median(ratios))} more with it (95% interval ${percent(low)} … ${percent(high)}); ` +
        `without it, ${percent(median(overBare))} over bare openapi-fetch`,
    );
  }
}

function percent(ratio: number): string {
  return `${ratio >= 1 ? '+' : ''}${((ratio - 1) * 100).toFixed(1)}%`;
}
