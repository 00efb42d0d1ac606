// The rate limiter against a real loopback server that injects latency: the first request of
// every new connection arrives 100 ms late (connection set-up), every answer takes 30 ms. The
// server counts arrivals, as the service does; no sliding second may hold more than the limit.
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { busiestWindow } from '../support/busiest-window.ts';
import { startLoopbackServer, type LoopbackServer } from '../support/loopback-server.ts';
import { createEasemobClient, createRateLimiter } from '../../src/client/index.ts';

const LIMIT = 10;
let server: LoopbackServer;
let baseUrl: string;
const arrivals: number[] = [];
const served = new WeakSet<Socket>();

beforeAll(async () => {
  server = await startLoopbackServer((request, response) => {
    request.resume();
    const cold = !served.has(request.socket);
    served.add(request.socket);
    setTimeout(() => {
      arrivals.push(performance.now());
      setTimeout(() => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ action: 'get', entities: [] }));
      }, 30);
    }, cold ? 100 : 0);
  });
  baseUrl = server.baseUrl;
});

afterAll(() => server?.close());


describe('the rate limiter at a latency-injecting server', () => {
  it('never lets the server see more than the limit in a second, cold connections or warm', { timeout: 20_000 }, async () => {
    const client = createEasemobClient({ baseUrl, token: 'static-t0ken', throttle: createRateLimiter({ limit: LIMIT, intervalMs: 1000 }) });
    const calls = Array.from({ length: 4 * LIMIT }, (_, i) => client.GET('/users/{username}', { params: { path: { username: `u${i}` } } }));
    await Promise.all(calls);
    expect(arrivals).toHaveLength(4 * LIMIT);
    expect(busiestWindow(arrivals, 1000)).toBeLessThanOrEqual(LIMIT);
  });
});
