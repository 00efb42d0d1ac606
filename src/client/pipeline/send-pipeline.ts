import type { ClientLog } from './client-events.ts';
import type { BaseFetch, CallContext, Send } from './fetch-types.ts';
import { createRateLimiter, type RateLimiter, type RateLimiterOptions } from './rate-limiter.ts';
import type { RetryOptions } from './retry.ts';
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

/**
 * How one attempt is sent, and how it is told that it ended. The call runner (call-runner.ts)
 * reports each attempt's end once, after openapi-fetch has read the answer.
 */
export interface SendPipeline {
  send: Send;
  /** The attempt's answer came with this status. */
  answered(call: CallContext, status: number): void;
  /** The attempt got no answer: a network error, a timeout, an abort. */
  failed(call: CallContext): void;
  /** The attempt's body has been read, or never will be. */
  done(call: CallContext): void;
}

/**
 * One attempt, outermost first: rate limiter → timeout → fetch. The timeout is inside the
 * limiter: waiting for a slot is not the service being slow (the caller's signal bounds that
 * wait). Every attempt takes its own slot, because every attempt is an arrival the service counts.
 */
export function createSendPipeline(baseUrl: string, options: SendPipelineOptions): SendPipeline {
  const limiter = rateLimiterFor(baseUrl, options.throttle);
  const timeoutMs = options.timeoutMs === false ? undefined : (options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const timed = createTimeoutFetch(options.fetch ?? globalThis.fetch, timeoutMs);
  if (limiter === undefined) return { send: timed.fetch, answered: () => {}, failed: timed.done, done: timed.done };
  const throttled = createThrottledFetch(timed.fetch, limiter);
  return {
    send: throttled.fetch,
    answered: throttled.answered,
    failed(call) {
      throttled.failed(call);
      timed.done(call);
    },
    done: timed.done,
  };
}

function rateLimiterFor(baseUrl: string, throttle: SendPipelineOptions['throttle']): RateLimiter | undefined {
  if (throttle === false) return undefined;
  if (throttle === undefined) return sharedRateLimiter(baseUrl);
  if (typeof (throttle as RateLimiter).acquire === 'function') return throttle as RateLimiter;
  return createRateLimiter(throttle);
}
