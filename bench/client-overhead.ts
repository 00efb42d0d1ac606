// `npm run bench:client`: what a call through the typed client with all its layers (auth,
// retry, rate limiter, timeout, settling to data or EasemobError, on openapi-fetch) costs per
// request, against bare openapi-fetch (the goal: our layers add at most 3%) and a raw fetch of
// the same URL with the same header, parsed the same way.
//
// All three hit one local node:http server, in the same run, interleaved round by round (the
// order rotating) so drift (JIT, GC, a noisy neighbour) hits them alike. The server runs in a
// worker thread: in production the service is on another machine, so its work must not queue
// on the client's event loop and be counted as client overhead.
//
//   node bench/client-overhead.ts [requestsPerRound=2000] [rounds=10] [concurrencies=1,16]
import { Worker } from 'node:worker_threads';
import createClient from 'openapi-fetch';
import type { paths } from '../generated/schema.d.ts';
import { createEasemobClient, createRateLimiter } from '../src/client/index.ts';

const [perRound = 2000, rounds = 10] = process.argv.slice(2, 4).map(Number);
const concurrencies = (process.argv[4] ?? '1,16').split(',').map(Number);
const TOKEN = 'YWMt-bench-token';

const server = new Worker(
  `
  const { createServer } = require('node:http');
  const { parentPort } = require('node:worker_threads');
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
  server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
  `,
  { eval: true },
);
const port = await new Promise<number>((resolve) => server.once('message', resolve));
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

/** Milliseconds to make `count` calls with at most `concurrency` in flight. */
async function time(call: () => Promise<unknown>, count: number, concurrency: number): Promise<number> {
  let started = 0;
  const worker = async () => {
    while (started++ < count) await call();
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return performance.now() - start;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

for (const concurrency of concurrencies) {
  for (const name of names) await time(contenders[name], perRound, concurrency); // warm-up
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<Name, number[]>;
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(round + i) % names.length]!;
      samples[name].push(await time(contenders[name], perRound, concurrency));
    }
  }
  const perRequest = (name: Name) => (median(samples[name]) / perRound) * 1000;
  const raw = perRequest('raw fetch');
  console.log(`concurrency ${concurrency} (median of ${rounds} rounds × ${perRound} requests):`);
  for (const name of names) {
    console.log(`  ${name.padEnd(20)} ${perRequest(name).toFixed(1).padStart(7)} µs/request  ${(perRequest(name) / raw).toFixed(3)}×`);
  }
  const layers = perRequest('easemob client') / perRequest('bare openapi-fetch');
  console.log(`  our layers over bare openapi-fetch: ${((layers - 1) * 100).toFixed(1)}% (${(perRequest('easemob client') - perRequest('bare openapi-fetch')).toFixed(1)} µs a call; goal ≤ 3%)`);
}

await server.terminate();
