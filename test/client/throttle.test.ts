import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEasemobClient } from '../../src/client/index.ts';
import { createThrottle } from '../../src/client/throttle.ts';
import { BASE_URL, fakeFetch, json, userAnswer } from './fake-fetch.ts';

afterEach(() => {
  vi.useRealTimers();
});

/** The most grant times that fall in any half-open window [t, t + windowMs). */
function busiestWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let start = 0, end = 0; start < sorted.length; start++) {
    while (end < sorted.length && sorted[end]! < sorted[start]! + windowMs) end++;
    most = Math.max(most, end - start);
  }
  return most;
}

describe('throttle', () => {
  it('never lets more than the limit through in any one-second window, and serves everyone', async () => {
    vi.useFakeTimers({ now: 0 });
    const throttle = createThrottle({ limit: 30, intervalMs: 1000 });
    const granted: number[] = [];
    // 100 callers arriving in bursts at uneven times.
    const arrivals = Array.from({ length: 100 }, (_, i) => (i % 7) * 173 + Math.floor(i / 20) * 390);
    const done = arrivals.map(
      (at) =>
        new Promise<void>((resolve) =>
          setTimeout(async () => {
            await throttle.acquire();
            granted.push(Date.now());
            resolve();
          }, at),
        ),
    );
    await vi.runAllTimersAsync();
    await Promise.all(done);
    expect(granted).toHaveLength(100);
    expect(busiestWindow(granted, 1000)).toBe(30);
  });

  it('grants at once while under the limit (no promise, no wait)', () => {
    const throttle = createThrottle({ limit: 3, intervalMs: 1000 });
    expect([throttle.acquire(), throttle.acquire(), throttle.acquire()]).toEqual([undefined, undefined, undefined]);
    expect(throttle.acquire()).toBeInstanceOf(Promise);
  });

  it('drops a waiter whose signal aborts', async () => {
    vi.useFakeTimers({ now: 0 });
    const throttle = createThrottle({ limit: 1, intervalMs: 1000 });
    throttle.acquire();
    const controller = new AbortController();
    const waiting = throttle.acquire(controller.signal)!.catch((e: unknown) => e);
    controller.abort(new Error('stop'));
    await expect(waiting).resolves.toMatchObject({ message: 'stop' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(throttle.acquire()).toBeUndefined(); // the aborted waiter did not take the slot
  });

  it('paces all calls of a client, first sends and retries alike, and is shared by them', async () => {
    vi.useFakeTimers({ now: 0 });
    let answered = 0;
    const fake = fakeFetch(() =>
      // Every fifth answer is a rate limit with no wait: the retry must still queue for a slot.
      ++answered % 5 === 0 ? json(429, { error: 'reach_limit', error_description: 'limit' }, { 'retry-after': '0' }) : userAnswer('u'),
    );
    const client = createEasemobClient({
      baseUrl: BASE_URL,
      token: 'static-token',
      throttle: { limit: 5, intervalMs: 1000 },
      timeoutMs: false,
      fetch: fake.fetch,
    });
    const calls = Array.from({ length: 23 }, (_, i) => client.GET('/users/{username}', { params: { path: { username: `u${i}` } } }));
    await vi.runAllTimersAsync();
    await Promise.all(calls);
    expect(fake.requests.length).toBeGreaterThan(23); // some were retried
    expect(busiestWindow(fake.requests.map((r) => r.at), 1000)).toBe(5);
  });

  it('defaults to 30 a second and can be turned off', async () => {
    vi.useFakeTimers({ now: 0 });
    const fake = fakeFetch(() => userAnswer('u'));
    const fire = (client: ReturnType<typeof createEasemobClient>) =>
      Array.from({ length: 40 }, () => client.GET('/users/{username}', { params: { path: { username: 'u' } } }));

    const throttled = fire(createEasemobClient({ baseUrl: BASE_URL, token: 'static-token', timeoutMs: false, fetch: fake.fetch }));
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.requests).toHaveLength(30);
    await vi.advanceTimersByTimeAsync(1001);
    expect(fake.requests).toHaveLength(40);
    await Promise.all(throttled);

    fake.requests.length = 0;
    const free = fire(createEasemobClient({ baseUrl: BASE_URL, token: 'static-token', throttle: false, timeoutMs: false, fetch: fake.fetch }));
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.requests).toHaveLength(40);
    await Promise.all(free);
  });
});
