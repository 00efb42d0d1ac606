import type { ClientLog } from './client-events.ts';
import type { BaseFetch, Send } from './fetch-types.ts';
import { createRateLimiter, type RateLimiter, type RateLimiterOptions } from './rate-limiter.ts';
import { createRetryFetch, DEFAULT_RETRY, type RetryOptions } from './retry-fetch.ts';
import { sharedRateLimiter } from './shared-rate-limiters.ts';
import { createThrottledFetch } from './throttled-fetch.ts';
import { createTimeoutFetch } from './timeout-fetch.ts';

export interface SendPipelineOptions {
  fetch?: BaseFetch | undefined;
  /**
   * The rate limiter: left out, the process-wide one for the base URL's origin (30 a second,
   * shared by every client of that origin that leaves it out too); a limiter from
   * `createRateLimiter`, to share one explicitly; options, for a limiter of this client alone;
   * or false for none.
   */
  throttle?: RateLimiter | Partial<RateLimiterOptions> | false | undefined;
  retry?: Partial<RetryOptions> | false | undefined;
  timeoutMs?: number | false | undefined;
  log?: ClientLog | undefined;
  random?: (() => number) | undefined;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

type Layer = (next: Send) => Send;

/**
 * Everything below auth, outermost first: retry → throttle → timeout → fetch. The throttle is
 * inside the retry layer because every attempt is an arrival the service counts: each one
 * takes its own slot, held until its answer, and queues with its call's ticket so a re-send
 * keeps its place. The timeout is inside the throttle: waiting for a slot is not the service
 * being slow (the caller's signal bounds that wait).
 */
export function createSendPipeline(baseUrl: string, options: SendPipelineOptions): Send {
  const limiter = rateLimiterFor(baseUrl, options.throttle);
  const retry = options.retry === false ? { ...DEFAULT_RETRY, maxAttempts: 1 } : { ...DEFAULT_RETRY, ...options.retry };
  const timeoutMs = options.timeoutMs === false ? undefined : (options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const fetch = options.fetch ?? globalThis.fetch;

  // Outermost first, as a request passes through them; the timeout wraps fetch itself.
  const layers: Layer[] = [
    (next) => createRetryFetch(next, retry, { log: options.log, random: options.random }),
    ...(limiter ? [(next: Send) => createThrottledFetch(next, limiter)] : []),
  ];
  const timed = createTimeoutFetch(fetch, timeoutMs);
  return layers.reduceRight((next, layer) => layer(next), timed);
}

function rateLimiterFor(baseUrl: string, throttle: SendPipelineOptions['throttle']): RateLimiter | undefined {
  if (throttle === false) return undefined;
  if (throttle === undefined) return sharedRateLimiter(baseUrl);
  if (typeof (throttle as RateLimiter).acquire === 'function') return throttle as RateLimiter;
  return createRateLimiter(throttle);
}
