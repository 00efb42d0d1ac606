import { HoldTimes } from './hold-times.ts';

export interface RateLimiterOptions {
  /** Requests the service accepts in any one window. Easemob allows 30 a second per IP. */
  limit: number;
  /** Window length in milliseconds. */
  intervalMs: number;
  /**
   * Shorten the hold after an answer by most of the fastest round trip seen (default true).
   * `false` holds every slot a whole window after its answer: a guarantee that needs no
   * assumption about the network, at a rate of limit / (window + round trip), 0.83 of the limit
   * at 200 ms. See createRateLimiter for the assumption the credit rests on.
   */
  roundTripCredit: boolean;
}

export const DEFAULT_RATE_LIMIT: RateLimiterOptions = { limit: 30, intervalMs: 1000, roundTripCredit: true };

/** A granted request. Say how it ended, once: that is when its slot starts to free up. */
export interface Slot {
  /**
   * The answer (its headers, any status) arrived. `refused`: the service said its limit was
   * reached (429, or 503 in the 2015 guide), so the client may have sent too fast.
   */
  answered(refused?: boolean): void;
  /** No answer: a network error, a timeout, an abort. */
  failed(): void;
}

export interface RateLimiter extends Readonly<Pick<RateLimiterOptions, 'limit' | 'intervalMs'>> {
  /**
   * A slot for one request (one attempt). Granted at once, without a promise, while the limit
   * is not reached; otherwise queued by `ticket`, lowest first: a call's re-sends carry the
   * ticket it first took, so they go ahead of calls that came later. Rejects with the signal's
   * reason if it aborts while queued.
   */
  acquire(ticket: number, signal?: AbortSignal): Slot | Promise<Slot>;
}

/**
 * A limiter that holds where the service counts: at the server, by arrival time.
 *
 * The client cannot see arrivals, only when it sent a request (s) and when the answer came (r);
 * the arrival a lies between: s ≤ a ≤ r. A slot is held from s until the answer, and then one
 * window more, less a credit c. Take a request j answered at r_j and a request k granted after
 * its slot freed: s_k ≥ r_j + window − c. Since a_j = r_j − (the server's work on j) − (j's way
 * back) and a_k ≥ s_k + (k's way out), a_k − a_j ≥ window − c + back_j + out_k. So no window of
 * arrivals holds more than `limit` as long as c ≤ back_j + out_k for every such pair.
 *
 * - Without credit (c = 0) that holds whatever the latency, but the rate is at most
 *   limit / (window + round trip): 0.95 of the limit at 50 ms, 0.83 at 200 ms. No limiter that
 *   knows only s and r can do better with a guarantee: the server may count a request at any
 *   moment between them.
 * - With credit (the default), c = 0.9 × the fastest round trip seen − 10 ms. Network delays
 *   have floors (distance, routing), and the fastest round trip is at least the two floors added
 *   up, so c stays below back_j + out_k unless one leg is faster than its floor by more than 10%
 *   of the round trip and 10 ms. Only requests sent after an earlier answer count (the first
 *   wave's include connection set-up, which would inflate the estimate), and the credit starts
 *   once 2 × `limit` of them were seen. About 0.97 of the limit at a steady 200 ms.
 * - If the service refuses anyway (429/503), the credit goes and is earned again from
 *   round trips seen after that: the limiter falls back to the guarantee when the assumption
 *   seems not to hold (or another process shares the IP's limit).
 *
 * Failures (no answer: network error, timeout, abort) free their slot a full window after
 * they are known: the request may still have reached the server. Waiters are served in ticket
 * order. Times are read with a 2 ms guard: Date.now() counts whole milliseconds, and the
 * server's clock is not ours.
 */
export function createRateLimiter(options: Partial<RateLimiterOptions> = {}, now: () => number = Date.now): RateLimiter {
  const { limit, intervalMs, roundTripCredit } = { ...DEFAULT_RATE_LIMIT, ...options };
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError('rate limit must be a positive integer');
  if (!(intervalMs > 0)) throw new RangeError('rate limit intervalMs must be positive');

  let inFlight = 0;
  // When ended slots stop counting: at most `limit` of them, outside the heap (hold-times.ts).
  const held = new HoldTimes(limit);
  // roundTripCredit: the fastest round trip of requests sent after an earlier answer (the very
  // first ones may all include connection set-up), trusted once 2 × limit of them were seen: two
  // windows' worth, so that one burst that all went over new connections cannot set it alone.
  // `era` counts the first answer and every refusal since: a round trip counts only if its
  // request was granted in the current era, after it began.
  let fastestRoundTrip = Infinity;
  let roundTripsSeen = 0;
  let era = 0;
  const queue: Waiter[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  function inUse(t: number): number {
    return inFlight + held.runningAt(t);
  }

  function credit(): number {
    if (!roundTripCredit || roundTripsSeen < 2 * limit) return 0;
    return Math.min(intervalMs, Math.max(0, fastestRoundTrip * 0.9 - 10));
  }

  // Plain fields rather than #private ones: one of these is made per request.
  class GrantedSlot implements Slot {
    private readonly grantedAt: number;
    private readonly era: number;
    private ended = false;

    constructor(t: number) {
      inFlight++;
      this.grantedAt = t;
      this.era = era;
    }

    answered(refused = false): void {
      if (this.end()) return;
      const t = now();
      if (refused) {
        fastestRoundTrip = Infinity;
        roundTripsSeen = 0;
        era++;
      } else if (era === 0) {
        era = 1;
      } else if (this.era === era) {
        fastestRoundTrip = Math.min(fastestRoundTrip, t - this.grantedAt);
        roundTripsSeen++;
      }
      held.add(t + GUARD_MS + intervalMs - credit());
      drain();
    }

    failed(): void {
      if (this.end()) return;
      held.add(now() + GUARD_MS + intervalMs);
      drain();
    }

    private end(): boolean {
      if (this.ended) return true;
      this.ended = true;
      inFlight--;
      return false;
    }
  }

  function drain(): void {
    if (queue.length === 0 && timer === undefined) return; // nobody waits: nothing to do
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const t = now();
    while (queue.length > 0 && inUse(t) < limit) {
      const waiter = queue.shift()!;
      waiter.signal?.removeEventListener('abort', waiter.onAbort);
      waiter.resolve(new GrantedSlot(t));
    }
    // With slots held only by requests still in flight, their answers call drain again.
    const next = held.earliest();
    if (queue.length > 0 && next !== undefined) {
      // +1: a timer may fire a hair early relative to Date.now.
      timer = setTimeout(drain, Math.max(0, next - t) + 1);
    }
  }

  return {
    limit,
    intervalMs,
    acquire(ticket, signal) {
      signal?.throwIfAborted();
      const t = now();
      if ((queue.length === 0 || ticket < queue[0]!.ticket) && inUse(t) < limit) return new GrantedSlot(t);
      return new Promise<Slot>((resolve, reject) => {
        const waiter: Waiter = {
          ticket,
          resolve,
          signal,
          onAbort: () => {
            const i = queue.indexOf(waiter);
            if (i !== -1) queue.splice(i, 1);
            reject(signal!.reason);
          },
        };
        signal?.addEventListener('abort', waiter.onAbort, { once: true });
        let i = queue.length;
        while (i > 0 && queue[i - 1]!.ticket > ticket) i--;
        queue.splice(i, 0, waiter);
        if (timer === undefined) drain();
      });
    },
  };
}

const GUARD_MS = 2;

interface Waiter {
  ticket: number;
  resolve(slot: Slot): void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}
