// `npm run bench:limiter`: does the client's rate limiter hold where the service counts, at the
// server, by arrival? A loopback server in a worker thread (its own event loop, as the service
// is on another machine) injects latency: half the round trip before a request "arrives" (is
// counted), half after, and optionally 100 ms more before the first request of every new
// connection (connection set-up). For each case, 300 calls are made at once through the typed
// client with a limit of 30 a second, and the server reports:
//   - the most arrivals in any sliding second (goal: never above the limit, 30);
//   - the achieved rate as a fraction of the limit (goal: at least 0.90): the arrivals after
//     the first window's worth, over the time from the first arrival to the last.
// Side by side, in the same run: the default limiter (with the round-trip credit, which rests on
// network legs having floors), the limiter with `roundTripCredit: false` (the guarantee with no
// assumption, at limit / (window + round trip)), and a plain sliding window over send times (the
// limiter before these), to show what the server sees without holding slots until the answer. `conns` is
// how many connections the server saw opened: the client's connections come and go.
//
//   node bench/rate-limiter.ts [calls=300] [limit=30]      ONLY='<case name>' for one case
import { Worker } from 'node:worker_threads';
import { busiestWindow } from '../test/support/busiest-window.ts';
import { createEasemobClient, createRateLimiter, type RateLimiter, type Slot } from '../src/client/index.ts';

const [calls = 300, limit = 30] = process.argv.slice(2, 4).map(Number);
const WINDOW_MS = 1000;

const server = new Worker(
  `
  const { createServer } = require('node:http');
  const { parentPort } = require('node:worker_threads');
  const body = JSON.stringify({ action: 'get', entities: [{ uuid: '7f90f7ca-bb24-11e2-b2d0-6d8e359945e4', type: 'user', created: 1, modified: 1, username: 'jliu', activated: true }] });
  let setting = { roundTripMs: 0, firstRequestExtraMs: 0 };
  let arrivals = [];
  let firsts = [];
  const server = createServer((request, response) => {
    request.resume();
    const socket = request.socket;
    const extra = socket.served ? 0 : setting.firstRequestExtraMs;
    if (!socket.served) firsts.push(performance.timeOrigin + performance.now());
    socket.served = true;
    const half = setting.roundTripMs / 2;
    setTimeout(() => {
      arrivals.push(performance.timeOrigin + performance.now());
      setTimeout(() => {
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
        response.end(body);
      }, half);
    }, half + extra);
  });
  server.keepAliveTimeout = 60_000;
  parentPort.on('message', (message) => {
    if (message.type === 'set') {
      setting = message.setting;
      arrivals = [];
      firsts = [];
      // New connections for each case: the first requests of a case pay the set-up again.
      server.closeIdleConnections();
      parentPort.postMessage({ type: 'ready' });
    } else if (message.type === 'arrivals') parentPort.postMessage({ type: 'arrivals', arrivals, firsts });
  });
  server.listen(0, '127.0.0.1', () => parentPort.postMessage({ type: 'port', port: server.address().port }));
  `,
  { eval: true },
);

function next<T>(type: string): Promise<T> {
  return new Promise((resolve) => {
    const onMessage = (message: { type: string }) => {
      if (message.type !== type) return;
      server.off('message', onMessage);
      resolve(message as T);
    };
    server.on('message', onMessage);
  });
}

const { port } = await next<{ port: number }>('port');

/** The limiter before this one: a sliding window over the times requests were sent. */
function sendTimeWindow(): RateLimiter {
  const sent: number[] = [];
  const queue: Array<() => void> = [];
  const noop: Slot = { answered() {}, failed() {} };
  const pump = () => {
    const now = Date.now();
    while (sent.length && sent[0]! <= now - WINDOW_MS) sent.shift();
    while (queue.length && sent.length < limit) {
      sent.push(now);
      queue.shift()!();
    }
    if (queue.length) setTimeout(pump, sent[0]! + WINDOW_MS - now + 1);
  };
  return {
    limit,
    intervalMs: WINDOW_MS,
    acquire: () =>
      new Promise<Slot>((resolve) => {
        queue.push(() => resolve(noop));
        if (queue.length === 1) pump();
      }),
  };
}


async function measure(setting: { roundTripMs: number; firstRequestExtraMs: number }, limiter: RateLimiter) {
  server.postMessage({ type: 'set', setting });
  await next('ready');
  // A different path per case keeps each case's connections apart from the last one's.
  const client = createEasemobClient({ baseUrl: `http://127.0.0.1:${port}/org/app`, token: 'YWMt-bench-token', throttle: limiter });
  await Promise.all(Array.from({ length: calls }, (_, i) => client.GET('/users/{username}', { params: { path: { username: `u${i}` } } })));
  server.postMessage({ type: 'arrivals' });
  const { arrivals, firsts } = await next<{ arrivals: number[]; firsts: number[] }>('arrivals');
  arrivals.sort((a, b) => a - b);
  const spanSeconds = (arrivals.at(-1)! - arrivals[0]!) / 1000;
  return { busiest: busiestWindow(arrivals, WINDOW_MS), fraction: (arrivals.length - limit) / spanSeconds / limit, connections: firsts.length };
}

const cases = [
  { name: '0 ms round trip', roundTripMs: 0, firstRequestExtraMs: 0 },
  { name: '50 ms round trip', roundTripMs: 50, firstRequestExtraMs: 0 },
  { name: '200 ms round trip', roundTripMs: 200, firstRequestExtraMs: 0 },
  { name: '0 ms, first request of a connection +100 ms', roundTripMs: 0, firstRequestExtraMs: 100 },
  { name: '50 ms, first request of a connection +100 ms', roundTripMs: 50, firstRequestExtraMs: 100 },
  { name: '200 ms, first request of a connection +100 ms', roundTripMs: 200, firstRequestExtraMs: 100 },
];

console.log(`${calls} calls at once, limit ${limit} a second; at the server: most arrivals in any sliding second (goal ≤ ${limit}), achieved rate / limit (goal ≥ 0.90)`);
const columns = ['our limiter (default)', 'roundTripCredit: false', 'send-time window (before)'];
console.log(`${'case'.padEnd(46)} ${columns.map((c) => c.padEnd(30)).join(' ')}`);
type Result = Awaited<ReturnType<typeof measure>>;
const show = (r: Result) => `${String(r.busiest).padStart(3)}/s ${r.fraction.toFixed(3)} (${r.connections} conns)${r.busiest > limit ? ' OVER' : ''}`.padEnd(30);
for (const { name, ...setting } of cases.filter((c) => !process.env.ONLY || c.name === process.env.ONLY)) {
  const results = [
    await measure(setting, createRateLimiter({ limit, intervalMs: WINDOW_MS })),
    await measure(setting, createRateLimiter({ limit, intervalMs: WINDOW_MS, roundTripCredit: false })),
    await measure(setting, sendTimeWindow()),
  ];
  console.log(`${name.padEnd(46)} ${results.map(show).join(' ')}`);
}
await server.terminate();
