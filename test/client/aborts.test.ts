// Timeouts and the caller's abort hold for the whole call, body included: a server on loopback
// sends the headers and part of the body, then stalls.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackServer, type LoopbackServer } from '../support/loopback-server.ts';
import { createEasemobClient } from '../../src/client/index.ts';

let server: LoopbackServer;
let baseUrl: string;
let stallsThenAnswers = 0; // requests to /users/again: the first stalls, later ones are answered

beforeAll(async () => {
  server = await startLoopbackServer((request, response) => {
    request.resume();
    if (request.url?.endsWith('/users/again') && stallsThenAnswers++ > 0) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ action: 'get', entities: [{ username: 'again' }] }));
      return;
    }
    const status = request.url?.includes('/error') ? 400 : 200;
    response.writeHead(status, { 'content-type': 'application/json', 'content-length': '200' });
    response.write('{"action":"get","entities":['); // ... and nothing more
  });
  baseUrl = server.baseUrl;
});

afterAll(() => server?.close());

/** How the call settled, and after how many milliseconds; 'pending' if not within `limitMs`. */
async function settleWithin(call: Promise<unknown>, limitMs: number): Promise<{ outcome: string; ms: number }> {
  const started = performance.now();
  const outcome = await Promise.race([
    call.then(
      () => 'resolved',
      (error: unknown) => (error instanceof Error ? error.name : String(error)),
    ),
    new Promise<string>((resolve) => setTimeout(() => resolve('pending'), limitMs)),
  ]);
  return { outcome, ms: performance.now() - started };
}

const client = (timeoutMs: number | false) =>
  createEasemobClient({ baseUrl, token: 'static-t0ken', throttle: false, retry: false, timeoutMs });

describe('a body that stalls after the headers', () => {
  it('rejects with TimeoutError at timeoutMs', async () => {
    const call = client(300).GET('/users/{username}', { params: { path: { username: 'u' } } });
    const { outcome, ms } = await settleWithin(call, 3_000);
    expect(outcome).toBe('TimeoutError');
    expect(ms).toBeGreaterThanOrEqual(250);
    expect(ms).toBeLessThan(2_000);
  });

  it('rejects with TimeoutError on an error answer too (its body is read for the EasemobError)', async () => {
    const call = client(300).GET('/users/{username}', { params: { path: { username: 'error' } } });
    expect((await settleWithin(call, 3_000)).outcome).toBe('TimeoutError');
  });

  it('rejects with AbortError when the caller aborts, with a timeout set', async () => {
    const controller = new AbortController();
    const call = client(60_000).GET('/users/{username}', { params: { path: { username: 'u' } }, signal: controller.signal });
    setTimeout(() => controller.abort(), 300);
    const { outcome, ms } = await settleWithin(call, 3_000);
    expect(outcome).toBe('AbortError');
    expect(ms).toBeLessThan(2_000);
  });

  it('rejects with AbortError when the caller aborts, with timeouts off', async () => {
    const controller = new AbortController();
    const call = client(false).GET('/users/{username}', { params: { path: { username: 'u' } }, signal: controller.signal });
    setTimeout(() => controller.abort(), 300);
    expect((await settleWithin(call, 3_000)).outcome).toBe('AbortError');
  });

  it("keeps bounding the body after the call resolves with parseAs 'stream': reading it rejects with TimeoutError", async () => {
    const { data } = await client(300).GET('/users/{username}', { params: { path: { username: 'u' } }, parseAs: 'stream' });
    const read = new Response(data as ReadableStream).text();
    const { outcome, ms } = await settleWithin(read, 3_000);
    expect(outcome).toBe('TimeoutError');
    expect(ms).toBeLessThan(2_000);
  });

  it('is retried, for a GET, as a network error is: the next attempt gets the whole answer', async () => {
    const retrying = createEasemobClient({ baseUrl, token: 'static-t0ken', throttle: false, retry: { baseDelayMs: 1 }, timeoutMs: 300 });
    const call = retrying.GET('/users/{username}', { params: { path: { username: 'again' } } });
    await expect(call).resolves.toMatchObject({ data: { entities: [{ username: 'again' }] } });
    expect(stallsThenAnswers).toBe(2);
  });
});
