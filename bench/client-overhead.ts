// `npm run bench:client`: what a call through the typed client with all its layers (auth,
// retry, rate limiter, timeout, settling to data or EasemobError, on openapi-fetch) costs per
// request, against bare openapi-fetch (the goal: our layers add at most 3%) and a raw fetch of
// the same URL with the same header, parsed the same way.
//
// All three hit one local node:http server, in the same run, interleaved round by round (the
// order rotating) so drift (JIT, GC, a noisy neighbour) hits them alike. The server runs in its
// own process: in production the service is on another machine, so its work must not be
// counted as client overhead. Two measures: wall time a request, and the client process's CPU
// time a request (process.cpuUsage), which other load on a shared machine disturbs far less.
//
//   node bench/client-overhead.ts [requestsPerRound=2000] [rounds=10] [concurrencies=1,16]
import { spawn } from 'node:child_process';
import createClient from 'openapi-fetch';
import type { paths } from '../generated/schema.d.ts';
import { createEasemobClient, createRateLimiter } from '../src/client/index.ts';

const [perRound = 2000, rounds = 10] = process.argv.slice(2, 4).map(Number);
const concurrencies = (process.argv[4] ?? '1,16').split(',').map(Number);
const TOKEN = 'YWMt-bench-token';

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

// A rate limiter with a limit no run reaches, so its code runs but never waits.
const client = createEasemobClient({ baseUrl, token: TOKEN, throttle: createRateLimiter({ limit: 1e9, intervalMs: 1000 }) });
const bare = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${TOKEN}` } });

const contenders = {
  'raw fetch': async () => {
    const response = await fetch(`${baseUrl}/users/jliu`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    if (!response.ok) throw new Error(String(response.status));
    return response.json();
  },
  'bare openapi-fetch': async () => (await bare.GET('/users/{username}', { params: { path: { username: 'jliu' } } })).data,
  'easemob client': async () => (await client.GET('/users/{username}', { params: { path: { username: 'jliu' } } })).data,
};
type Name = keyof typeof contenders;
const names = Object.keys(contenders) as Name[];

/** Wall and client CPU milliseconds to make `count` calls with at most `concurrency` in flight. */
async function time(call: () => Promise<unknown>, count: number, concurrency: number): Promise<{ wall: number; cpu: number }> {
  let started = 0;
  const worker = async () => {
    while (started++ < count) await call();
  };
  const cpu = process.cpuUsage();
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - start, cpu: (used.user + used.system) / 1000 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

for (const concurrency of concurrencies) {
  for (const name of names) await time(contenders[name], perRound, concurrency); // warm-up
  const samples = Object.fromEntries(names.map((name) => [name, { wall: [] as number[], cpu: [] as number[] }])) as Record<Name, { wall: number[]; cpu: number[] }>;
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(round + i) % names.length]!;
      const { wall, cpu } = await time(contenders[name], perRound, concurrency);
      samples[name].wall.push(wall);
      samples[name].cpu.push(cpu);
    }
  }
  const perRequest = (name: Name, measure: 'wall' | 'cpu') => (median(samples[name][measure]) / perRound) * 1000;
  console.log(`concurrency ${concurrency} (median of ${rounds} rounds × ${perRound} requests):`);
  for (const name of names) {
    const ratio = (measure: 'wall' | 'cpu') => (perRequest(name, measure) / perRequest('raw fetch', measure)).toFixed(3);
    console.log(
      `  ${name.padEnd(20)} wall ${perRequest(name, 'wall').toFixed(1).padStart(7)} µs/request ${ratio('wall')}×   client CPU ${perRequest(name, 'cpu').toFixed(1).padStart(7)} µs/request ${ratio('cpu')}×`,
    );
  }
  for (const measure of ['wall', 'cpu'] as const) {
    const ours = perRequest('easemob client', measure);
    const bareCost = perRequest('bare openapi-fetch', measure);
    console.log(`  our layers over bare openapi-fetch, ${measure === 'wall' ? 'wall time ' : 'client CPU'}: ${(((ours / bareCost) - 1) * 100).toFixed(1)}% (${(ours - bareCost).toFixed(1)} µs a call; goal ≤ 3%)`);
  }
}

server.stdin.end();
