import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEasemobClient, createRateLimiter, type BaseFetch, type Slot } from '../../src/client/index.ts';
import { busiestWindow } from '../support/busiest-window.ts';
import { BASE_URL, fakeFetch, json, userAnswer } from './fake-fetch.ts';

afterEach(() => {
  vi.useRealTimers();
});


/**
 * A fake service with latency on both legs, under fake timers: a request arrives `out(n)` ms
 * after it is sent (n counts requests from 0) and is answered `back` ms after it arrived.
 * Records arrival times, which is what the real service counts.
 */
function latentService(out: (n: number) => number, back: number | ((n: number) => number)) {
  const arrivals: number[] = [];
  let sent = 0;
  const fetch: BaseFetch = async (input, init) => {
    const signal = init?.signal ?? input.signal;
    const wait = (ms: number) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, ms);
        signal.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
      });
    const n = sent++;
    await wait(out(n));
    arrivals.push(Date.now());
    await wait(typeof back === 'number' ? back : back(n));
    return userAnswer('u');
  };
  return { fetch, arrivals };
}

const getUser = (client: ReturnType<typeof createEasemobClient>, i = 0) =>
  client.GET('/users/{username}', { params: { path: { username: `u${i}` } } });

describe('rate limiter', () => {
  it('grants at once, without a promise, while under the limit', () => {
    const limiter = createRateLimiter({ limit: 3, intervalMs: 1000 });
    const slots = [limiter.acquire(0), limiter.acquire(1), limiter.acquire(2)];
    expect(slots.some((slot) => slot instanceof Promise)).toBe(false);
    expect(limiter.acquire(3)).toBeInstanceOf(Promise);
  });

  it('holds a slot while its request is in flight, however long, and a window after the answer', async () => {
    vi.useFakeTimers({ now: 0 });
    const limiter = createRateLimiter({ limit: 1, intervalMs: 1000 });
    const first = limiter.acquire(0) as Slot;
    let granted = false;
    void (limiter.acquire(1) as Promise<Slot>).then(() => (granted = true));
    await vi.advanceTimersByTimeAsync(5_000); // still no answer: the slot stays taken
    expect(granted).toBe(false);
    first.answered(); // at 5 s: the slot frees a window (and a 2 ms guard) later
    await vi.advanceTimersByTimeAsync(1_000);
    expect(granted).toBe(false);
    await vi.advanceTimersByTimeAsync(5);
    expect(granted).toBe(true);
  });

  it('serves waiters by ticket, so an older call re-sending goes ahead of newer ones', async () => {
    vi.useFakeTimers({ now: 0 });
    const limiter = createRateLimiter({ limit: 1, intervalMs: 1000 });
    const order: number[] = [];
    const take = (ticket: number) => (limiter.acquire(ticket) as Promise<Slot>).then((slot) => (order.push(ticket), slot.answered()));
    (limiter.acquire(0) as Slot).failed();
    const waiting = [take(5), take(3), take(0), take(4)];
    await vi.advanceTimersByTimeAsync(10_000);
    await Promise.all(waiting);
    expect(order).toEqual([0, 3, 4, 5]);
  });

  it('drops a waiter whose signal aborts', async () => {
    vi.useFakeTimers({ now: 0 });
    const limiter = createRateLimiter({ limit: 1, intervalMs: 1000 });
    (limiter.acquire(0) as Slot).answered();
    const controller = new AbortController();
    const waiting = (limiter.acquire(1, controller.signal) as Promise<Slot>).catch((e: unknown) => e);
    controller.abort(new Error('stop'));
    await expect(waiting).resolves.toMatchObject({ message: 'stop' });
    await vi.advanceTimersByTimeAsync(1_010);
    expect(limiter.acquire(2)).not.toBeInstanceOf(Promise); // the aborted waiter took no slot
  });

  describe.each([true, false])('with roundTripCredit %s', (roundTripCredit) => {
    it.each([
      ['no latency', () => 0, 0, 0],
      ['a 200 ms round trip', () => 100, 100, 200],
      ['a first wave slowed by 100 ms of connection set-up', (n: number) => (n < 30 ? 110 : 10), 10, 120],
      ['latency that varies from 0 to 300 ms', (n: number) => [0, 300, 30, 150, 5][n % 5]!, 20, 320],
    ])('never lets the service see more than the limit in any second, with %s', async (_, out, back, slowestRoundTrip) => {
      vi.useFakeTimers({ now: 0 });
      const service = latentService(out, back);
      const client = createEasemobClient({ baseUrl: BASE_URL, token: 't0ken-abc', throttle: { limit: 30, intervalMs: 1000, roundTripCredit }, fetch: service.fetch });
      // Seven windows' worth: the rate below counts the calls after the first window's worth.
      const calls = Array.from({ length: 210 }, (_, i) => getUser(client, i));
      await vi.advanceTimersByTimeAsync(20_000);
      await Promise.all(calls);
      expect(service.arrivals).toHaveLength(210);
      expect(busiestWindow(service.arrivals, 1000)).toBeLessThanOrEqual(30);
      // And it gives away no more than the round trip costs: at least limit / (window + round trip).
      const rate = (210 - 30) / ((service.arrivals.at(-1)! - service.arrivals[0]!) / 1000);
      expect(rate).toBeGreaterThan((0.97 * 30) / (1 + slowestRoundTrip / 1000));
    });
  });

  it('by default keeps at least 0.9 of the limit at a long, steady round trip (200 ms)', async () => {
    vi.useFakeTimers({ now: 0 });
    const service = latentService(() => 100, 100);
    const client = createEasemobClient({ baseUrl: BASE_URL, token: 't0ken-abc', throttle: createRateLimiter(), fetch: service.fetch });
    const calls = Array.from({ length: 390 }, (_, i) => getUser(client, i));
    await vi.advanceTimersByTimeAsync(30_000);
    await Promise.all(calls);
    expect(busiestWindow(service.arrivals, 1000)).toBeLessThanOrEqual(30);
    expect((390 - 30) / ((service.arrivals.at(-1)! - service.arrivals[0]!) / 1000)).toBeGreaterThan(0.9 * 30);
  });

  it('without roundTripCredit, holds even where the legs trade places (a fast way out, then a fast way back)', async () => {
    // Every other request: 0 ms out and 200 ms back, then 200 ms out and 0 ms back. The fastest
    // round trip (200 ms) is not the sum of the legs' floors (0 ms): the case the credit's
    // assumption excludes, and the one the guarantee without it covers.
    vi.useFakeTimers({ now: 0 });
    const service = latentService((n) => (n % 2 ? 0 : 200), (n) => (n % 2 ? 200 : 0));
    const client = createEasemobClient({ baseUrl: BASE_URL, token: 't0ken-abc', throttle: { limit: 30, intervalMs: 1000, roundTripCredit: false }, fetch: service.fetch });
    const calls = Array.from({ length: 240 }, (_, i) => getUser(client, i));
    await vi.advanceTimersByTimeAsync(30_000);
    await Promise.all(calls);
    expect(busiestWindow(service.arrivals, 1000)).toBeLessThanOrEqual(30);
  });

  describe('the round-trip credit', () => {
    // A slot freed by an answer is granted again a window, the 2 ms clock guard and the 1 ms a
    // timer is given (it may fire a hair early) after the answer, less the credit.
    const HOLD = 1000 + 2 + 1;
    /** When a limit-1 limiter grants the next slot, on fake timers (Date.now is theirs). */
    async function nextGrant(limiter: ReturnType<typeof createRateLimiter>, ticket: number): Promise<{ at: number; slot: Slot }> {
      const granted = limiter.acquire(ticket);
      if (!(granted instanceof Promise)) return { at: Date.now(), slot: granted };
      let result: { at: number; slot: Slot } | undefined;
      void granted.then((slot) => (result = { at: Date.now(), slot }));
      while (!result) await vi.advanceTimersByTimeAsync(1);
      return result;
    }

    /** Sends one request at a time through a limit-1 limiter, each answered after `roundTripMs`. */
    async function sendOne(limiter: ReturnType<typeof createRateLimiter>, ticket: number, roundTripMs: number, refused = false) {
      const { at, slot } = await nextGrant(limiter, ticket);
      await vi.advanceTimersByTimeAsync(roundTripMs);
      slot.answered(refused);
      return at;
    }

    it('is earned from 2 × limit round trips of requests sent after an answer, and shortens the hold by 0.9 of the fastest less 10 ms', async () => {
      vi.useFakeTimers({ now: 0 });
      const limiter = createRateLimiter({ limit: 1, intervalMs: 1000 });
      const first = await sendOne(limiter, 0, 300); // sent before any answer: does not count
      const second = await sendOne(limiter, 1, 250); // no credit yet: the whole hold
      expect(second - first).toBe(300 + HOLD);
      const third = await sendOne(limiter, 2, 200); // one round trip seen: still none
      expect(third - second).toBe(250 + HOLD);
      const fourth = await sendOne(limiter, 3, 300); // two (2 × limit 1): the fastest, 200 ms, gives 0.9 × 200 − 10
      expect(fourth - third).toBe(200 + HOLD - 170);
      const fifth = await sendOne(limiter, 4, 300); // still the fastest seen, not the last
      expect(fifth - fourth).toBe(300 + HOLD - 170);
    });

    it('is withdrawn when the service refuses (429/503), and earned again only from requests sent after that', async () => {
      vi.useFakeTimers({ now: 0 });
      const limiter = createRateLimiter({ limit: 1, intervalMs: 1000 });
      for (let i = 0; i < 3; i++) await sendOne(limiter, i, 100);
      const refusedAt = await sendOne(limiter, 3, 100, true); // granted with credit; refused
      const afterRefusal = await sendOne(limiter, 4, 100);
      expect(afterRefusal - refusedAt).toBe(100 + HOLD);
      const second = await sendOne(limiter, 5, 100);
      expect(second - afterRefusal).toBe(100 + HOLD);
      const earnedAgain = await sendOne(limiter, 6, 100);
      expect(earnedAgain - second).toBe(100 + HOLD - 80);
    });

    it('is never given with roundTripCredit false', async () => {
      vi.useFakeTimers({ now: 0 });
      const limiter = createRateLimiter({ limit: 1, intervalMs: 1000, roundTripCredit: false });
      const times: number[] = [];
      for (let i = 0; i < 4; i++) times.push(await sendOne(limiter, i, 200));
      expect(times.slice(1).map((t, i) => t - times[i]!)).toEqual([200 + HOLD, 200 + HOLD, 200 + HOLD]);
    });
  });

  it('queues a retry with its call\'s ticket: it goes before calls that came after it', async () => {
    vi.useFakeTimers({ now: 0 });
    let n = 0;
    const fake = fakeFetch(() =>
      ++n === 1 ? json(429, { error: 'reach_limit', error_description: 'limit' }, { 'retry-after': '0' }) : userAnswer('u'),
    );
    const client = createEasemobClient({ baseUrl: BASE_URL, token: 't0ken-abc', throttle: { limit: 1, intervalMs: 1000 }, timeoutMs: false, fetch: fake.fetch });
    const calls = [0, 1, 2].map((i) => getUser(client, i));
    await vi.advanceTimersByTimeAsync(10_000);
    await Promise.all(calls);
    expect(fake.requests.map((r) => r.path)).toEqual(['/users/u0', '/users/u0', '/users/u1', '/users/u2']);
  });

  it('is shared by every client of one origin that keeps the default, and not by other origins', async () => {
    vi.useFakeTimers({ now: 0 });
    const fake = fakeFetch(() => userAnswer('u'));
    const options = { token: 't0ken-abc', timeoutMs: false, fetch: fake.fetch } as const;
    const appA = createEasemobClient({ ...options, baseUrl: 'https://shared.easemob.test/org/app-a' });
    const appB = createEasemobClient({ ...options, baseUrl: 'https://shared.easemob.test/org/app-b' });
    const elsewhere = createEasemobClient({ ...options, baseUrl: 'https://other.easemob.test/org/app-a' });
    const calls = [...Array.from({ length: 25 }, (_, i) => [getUser(appA, i), getUser(appB, i)]).flat()];
    const others = Array.from({ length: 25 }, (_, i) => getUser(elsewhere, i));
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.requests).toHaveLength(30 + 25); // app A and app B share 30; the other origin has its own 30
    await vi.advanceTimersByTimeAsync(2_000);
    await Promise.all([...calls, ...others]);
    expect(fake.requests).toHaveLength(75);
  });

  it('can be created once and handed to several clients', async () => {
    vi.useFakeTimers({ now: 0 });
    const fake = fakeFetch(() => userAnswer('u'));
    const limiter = createRateLimiter({ limit: 10, intervalMs: 1000 });
    const clients = ['a', 'b', 'c'].map((app) =>
      createEasemobClient({ baseUrl: `https://easemob.test/org/${app}`, token: 't0ken-abc', throttle: limiter, timeoutMs: false, fetch: fake.fetch }),
    );
    const calls = clients.flatMap((client) => Array.from({ length: 10 }, (_, i) => getUser(client, i)));
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.requests).toHaveLength(10);
    await vi.advanceTimersByTimeAsync(5_000);
    await Promise.all(calls);
    expect(busiestWindow(fake.requests.map((r) => r.at), 1000)).toBe(10);
  });

  it('can be turned off', async () => {
    vi.useFakeTimers({ now: 0 });
    const fake = fakeFetch(() => userAnswer('u'));
    const client = createEasemobClient({ baseUrl: BASE_URL, token: 't0ken-abc', throttle: false, timeoutMs: false, fetch: fake.fetch });
    const calls = Array.from({ length: 40 }, (_, i) => getUser(client, i));
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.requests).toHaveLength(40);
    await Promise.all(calls);
  });
});
