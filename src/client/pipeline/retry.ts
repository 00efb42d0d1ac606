import { parseRetryAfter } from './retry-after.ts';
import { isRetryableFailure, isRetryableStatus } from './retry-policy.ts';

export interface RetryOptions {
  /** Sends in all, the first included. 1 turns retries off. */
  maxAttempts: number;
  /** No retry is started if its wait would end later than this after the first send. */
  maxElapsedMs: number;
  /** First backoff step; each retry doubles it, then full jitter picks a wait below it. */
  baseDelayMs: number;
  /** Ceiling of one backoff wait (a longer Retry-After is still honoured within maxElapsedMs). */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { maxAttempts: 4, maxElapsedMs: 60_000, baseDelayMs: 250, maxDelayMs: 8_000 };

/** How an attempt ended: with an answer (its status read, its body read), or without one. */
export type AttemptOutcome = { response: Response; failure?: undefined } | { response?: undefined; failure: unknown };

/** When to send a call again. */
export interface RetryPolicy {
  /**
   * The wait before another attempt, after attempt `n` (the first is 1) of a call started at
   * `startedAt` ended with `outcome`; undefined when that outcome is final.
   */
  delayAfter(n: number, method: string, outcome: AttemptOutcome, startedAt: number): number | undefined;
}

/**
 * Retries what failed in a way worth retrying (retry-policy.ts), within the attempt and time
 * bounds: Retry-After when the answer gives one, otherwise exponential backoff with full jitter.
 */
export function createRetryPolicy(options: RetryOptions, random: () => number = Math.random): RetryPolicy {
  return {
    delayAfter(n, method, { response, failure }, startedAt) {
      if (n >= options.maxAttempts) return undefined;
      if (response ? !isRetryableStatus(method, response.status) : !isRetryableFailure(method, failure)) return undefined;
      const backoff = random() * Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (n - 1));
      const t = Date.now();
      const delayMs = (response && parseRetryAfter(response.headers.get('retry-after'), t)) ?? backoff;
      return t - startedAt + delayMs > options.maxElapsedMs ? undefined : delayMs;
    },
  };
}
