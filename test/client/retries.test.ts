import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEasemobClient, EasemobError } from '../../src/client/index.ts';
import { BASE_URL, fakeFetch, json, userAnswer, type Handler } from './fake-fetch.ts';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks(); // the Request.prototype.clone spy, even when its test failed
});

const rateLimited = (headers: Record<string, string> = {}) =>
  json(503, { error: 'service_unavailable', error_description: 'over the limit' }, headers);

/** A client with a static token and no throttle, so only the retry layer is at work. */
function clientFor(handler: Handler, retry = {}) {
  const fake = fakeFetch(handler);
  const client = createEasemobClient({
    baseUrl: BASE_URL,
    token: 'static-token',
    throttle: false,
    timeoutMs: false,
    retry: { baseDelayMs: 100, ...retry },
    random: () => 0.5,
    fetch: fake.fetch,
  });
  return { fake, client };
}

/** Answers from the list in order, then the last one forever. */
function sequence(...answers: (() => Response)[]): Handler {
  let i = 0;
  return () => answers[Math.min(i++, answers.length - 1)]!();
}

describe('retries', () => {
  it('waits for Retry-After before retrying a 503', async () => {
    vi.useFakeTimers();
    const { fake, client } = clientFor(sequence(() => rateLimited({ 'retry-after': '2' }), () => userAnswer('u')));
    const call = client.GET('/users/{username}', { params: { path: { username: 'u' } } });

    await vi.advanceTimersByTimeAsync(1_999);
    expect(fake.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.requests).toHaveLength(2);
    await expect(call).resolves.toMatchObject({ data: { entities: [{ username: 'u' }] } });
  });

  it('retries a 429 on POST with exponential backoff and resends the body intact', async () => {
    vi.useFakeTimers();
    const reachLimit = () => json(429, { error: 'reach_limit', error_description: 'This request has reached api limit' });
    const { fake, client } = clientFor(
      sequence(reachLimit, reachLimit, () => json(200, { action: 'post', entities: [] })),
    );
    const call = client.POST('/users', { body: { username: 'u', password: 'p4ss' } });
    // random() = 0.5: waits of 50 (0.5 × 100) then 100 (0.5 × 200) ms.
    await vi.advanceTimersByTimeAsync(49);
    expect(fake.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(99);
    expect(fake.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    await call;
    expect(fake.requests.map((r) => r.body)).toEqual(Array(3).fill('{"username":"u","password":"p4ss"}'));
  });

  it('retries a 500 on GET, but never a 500 on POST (the work may have been done)', async () => {
    const serverError = () => json(500, { error: 'web_application', error_description: 'boom' });
    const get = clientFor(sequence(serverError, () => userAnswer('u')), { baseDelayMs: 1 });
    await get.client.GET('/users/{username}', { params: { path: { username: 'u' } } });
    expect(get.fake.requests).toHaveLength(2);

    const post = clientFor(serverError, { baseDelayMs: 1 });
    const error = await post.client.POST('/users', { body: { username: 'u', password: 'p' } }).catch((e: unknown) => e);
    expect(post.fake.requests).toHaveLength(1);
    expect(error).toMatchObject({ status: 500, retryable: false, operation: 'createUsers' });
  });

  it('retries a network error on GET, PUT and DELETE but not on POST', async () => {
    const flaky = () => {
      let failed = false;
      return () => {
        if (failed) return json(200, { action: 'ok', entities: [], timestamp: 1, duration: 1 });
        failed = true;
        throw new TypeError('fetch failed');
      };
    };
    const del = clientFor(flaky(), { baseDelayMs: 1 });
    await del.client.DELETE('/users/{username}', { params: { path: { username: 'u' } } });
    expect(del.fake.requests).toHaveLength(2);

    const post = clientFor(flaky(), { baseDelayMs: 1 });
    await expect(post.client.POST('/users/{username}/activate', { params: { path: { username: 'u' } } })).rejects.toThrow(TypeError);
    expect(post.fake.requests).toHaveLength(1);
  });

  it('stops after maxAttempts and reports the final answer with its retry advice', async () => {
    const { fake, client } = clientFor(() => rateLimited({ 'retry-after': '0' }), { maxAttempts: 3 });
    const error = await client.GET('/users/{username}', { params: { path: { username: 'u' } } }).catch((e: unknown) => e);
    expect(fake.requests).toHaveLength(3);
    expect(error).toBeInstanceOf(EasemobError);
    expect(error).toMatchObject({ status: 503, retryable: true, retryAfterMs: 0, operation: 'getUser' });
  });

  it('does not start a retry whose wait would pass maxElapsedMs', async () => {
    const { fake, client } = clientFor(() => rateLimited({ 'retry-after': '120' }), { maxElapsedMs: 60_000 });
    const error = await client.GET('/users/{username}', { params: { path: { username: 'u' } } }).catch((e: unknown) => e);
    expect(fake.requests).toHaveLength(1);
    expect(error).toMatchObject({ status: 503, retryAfterMs: 120_000 });
  });

  it('stops waiting as soon as the caller aborts', async () => {
    vi.useFakeTimers();
    const { fake, client } = clientFor(() => rateLimited({ 'retry-after': '30' }));
    const controller = new AbortController();
    const call = client.GET('/users/{username}', { params: { path: { username: 'u' } }, signal: controller.signal });
    const settled = call.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1_000);
    controller.abort(new Error('caller gave up'));
    await expect(settled).resolves.toMatchObject({ message: 'caller gave up' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.requests).toHaveLength(1);
  });

  it('sends again by running the openapi-fetch call again: middleware sees every attempt, and no request is cloned', async () => {
    const clone = vi.spyOn(Request.prototype, 'clone');
    const { fake, client } = clientFor(sequence(() => rateLimited({ 'retry-after': '0' }), () => json(200, { action: 'post', entities: [] })), { baseDelayMs: 1 });
    const seen: string[] = [];
    client.use({ onRequest: async ({ request }) => void seen.push(`${request.method} ${await request.clone().text()}`) });
    // The middleware clones once per attempt it sees; any clone beyond those is the client's.
    const cloned = () => clone.mock.calls.length - seen.length;
    await client.POST('/users', { body: { username: 'u', password: 'p4ss' } });
    expect(seen).toEqual(Array(2).fill('POST {"username":"u","password":"p4ss"}'));
    expect(fake.requests.map((r) => r.body)).toEqual(Array(2).fill('{"username":"u","password":"p4ss"}'));
    expect(cloned()).toBe(0);
  });

  it('does not retry a failure that is not the network\'s: a 2xx whose body is not JSON fails once', async () => {
    const { fake, client } = clientFor(() => new Response('{"entities": [', { status: 200, headers: { 'content-type': 'application/json' } }), { baseDelayMs: 1 });
    await expect(client.GET('/users/{username}', { params: { path: { username: 'u' } } })).rejects.toThrow(SyntaxError);
    expect(fake.requests).toHaveLength(1);
  });

  it('aborts an attempt that outlives timeoutMs', async () => {
    const fake = fakeFetch(() => new Promise<Response>(() => {})); // never answers
    const client = createEasemobClient({ baseUrl: BASE_URL, token: 't0ken-xyz', throttle: false, retry: false, timeoutMs: 20, fetch: fake.fetch });
    await expect(client.GET('/users/{username}', { params: { path: { username: 'u' } } })).rejects.toMatchObject({ name: 'TimeoutError' });
  });
});
