import type { ClientLog } from './client-events.ts';
import type { CallContext, Send } from './fetch-types.ts';
import { parseRetryAfter } from './retry-after.ts';
import { isRetryableNetworkError, isRetryableStatus } from './retry-policy.ts';
import { sleep } from './sleep.ts';

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

export interface RetryHooks {
  log?: ClientLog | undefined;
  random?: (() => number) | undefined;
  now?: (() => number) | undefined;
}

/**
 * Re-sends a request that failed in a way worth retrying, within the attempt and time bounds.
 * Each attempt sends a clone, so the body (a one-shot stream) is intact for the next one; a
 * request without a body is reused as is. Every attempt goes through the layers below (the
 * rate limiter among them) with the call's context, so a re-send queues with the ticket its
 * call first took.
 */
export function createRetryFetch(send: Send, options: RetryOptions, hooks: RetryHooks = {}): Send {
  const { log, random = Math.random, now = Date.now } = hooks;
  if (options.maxAttempts <= 1) return send;

  const attempt = (request: Request, call: CallContext): Promise<Outcome> =>
    send(request.body === null ? request : request.clone(), call).then(
      (response) => ({ response }),
      (failure: unknown) => {
        if (request.signal.aborted) throw failure; // the caller gave up: never retry that
        return { failure };
      },
    );

  async function keepTrying(request: Request, call: CallContext, started: number, first: Outcome): Promise<Response> {
    let outcome = first;
    for (let n = 1; ; n++) {
      const { response, failure } = outcome;
      if (!isRetryable(request.method, outcome)) return finish(outcome);
      const backoff = random() * Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (n - 1));
      const delayMs = (response && parseRetryAfter(response.headers.get('retry-after'), now())) ?? backoff;
      if (n >= options.maxAttempts || now() - started + delayMs > options.maxElapsedMs) return finish(outcome);

      // Free the connection: this answer will not be read.
      await response?.body?.cancel().catch(() => {});
      log?.({
        type: 'retry',
        method: request.method,
        path: new URL(request.url).pathname,
        attempt: n,
        delayMs: Math.round(delayMs),
        ...(response ? { status: response.status, reason: `status ${response.status}` } : { reason: describe(failure) }),
      });
      await sleep(delayMs, request.signal);
      outcome = await attempt(request, call);
    }
  }

  // The first attempt is one plain `then`: nearly every call ends there, and this runs on every
  // call. Each attempt sends a clone, so the body (a one-shot stream) stays intact.
  return (request, call) => {
    const started = now();
    return send(request.body === null ? request : request.clone(), call).then(
      (response) =>
        isRetryableStatus(request.method, response.status) ? keepTrying(request, call, started, { response }) : response,
      (failure: unknown) => {
        // The caller gave up: never retry that.
        if (request.signal.aborted || !isRetryableNetworkError(request.method)) throw failure;
        return keepTrying(request, call, started, { failure });
      },
    );
  };
}

type Outcome = { response: Response; failure?: undefined } | { response?: undefined; failure: unknown };

function isRetryable(method: string, { response }: Outcome): boolean {
  return response ? isRetryableStatus(method, response.status) : isRetryableNetworkError(method);
}

function finish({ response, failure }: Outcome): Response {
  if (response) return response;
  throw failure;
}

function describe(error: unknown): string {
  // Only the error's kind: a message may quote the URL or, from some agents, headers.
  return error instanceof Error ? error.name : 'network error';
}
