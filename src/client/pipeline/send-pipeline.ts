import type { ClientLog } from './client-events.ts';
import type { BaseFetch, FetchLike } from './fetch-types.ts';
import { createRetryFetch, DEFAULT_RETRY, type RetryOptions } from './retry-fetch.ts';
import { createThrottle, DEFAULT_THROTTLE, type ThrottleOptions } from './throttle.ts';
import { createThrottledFetch } from './throttled-fetch.ts';
import { createTimeoutFetch } from './timeout-fetch.ts';

export interface SendPipelineOptions {
  fetch?: BaseFetch | undefined;
  throttle?: Partial<ThrottleOptions> | false | undefined;
  retry?: Partial<RetryOptions> | false | undefined;
  timeoutMs?: number | false | undefined;
  log?: ClientLog | undefined;
  random?: (() => number) | undefined;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Everything below auth: throttle → retry → per-attempt timeout → fetch. One throttle serves
 * the whole pipeline, first sends and re-sends alike, so the client as a whole stays under the
 * service's per-IP limit.
 */
export function createSendPipeline(options: SendPipelineOptions): FetchLike {
  const throttle = options.throttle === false ? undefined : createThrottle({ ...DEFAULT_THROTTLE, ...options.throttle });
  const timeoutMs = options.timeoutMs === false ? undefined : (options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const retry = options.retry === false ? { ...DEFAULT_RETRY, maxAttempts: 1 } : { ...DEFAULT_RETRY, ...options.retry };

  const timed = createTimeoutFetch(options.fetch ?? globalThis.fetch, timeoutMs);
  const retrying = createRetryFetch(timed, retry, {
    ...(throttle && { beforeRetry: (signal: AbortSignal) => throttle.acquire(signal) }),
    ...(options.log && { log: options.log }),
    ...(options.random && { random: options.random }),
  });
  return throttle ? createThrottledFetch(retrying, throttle) : retrying;
}
