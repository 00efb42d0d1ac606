import type { TokenSource } from '../token/token-source.ts';
import { newCall } from './call-context.ts';
import type { ClientLog } from './client-events.ts';
import type { BaseFetch, CallContext } from './fetch-types.ts';
import { createRetryPolicy, type RetryOptions } from './retry.ts';
import type { SendPipeline } from './send-pipeline.ts';
import { sleep } from './sleep.ts';

/** What an openapi-fetch call resolves with, before the client settles it. */
export type RawResult = { data?: unknown; error?: unknown; response: Response };
export type RawInit = { body?: unknown; parseAs?: string; signal?: AbortSignal | null; fetch?: BaseFetch; [key: string]: unknown } | undefined;
/** One openapi-fetch call (method and path chosen) with the init given. */
export type SendOnce = (init: Record<string, unknown>) => Promise<RawResult>;
/**
 * Runs one client call to its final answer (the last attempt's result, or its failure) and
 * resolves with what `settle` makes of that result.
 */
export type CallRunner = <T>(method: string, init: RawInit, sendOnce: SendOnce, settle: (result: RawResult) => T) => Promise<T>;

export interface CallRunnerOptions {
  pipeline: SendPipeline;
  retry: RetryOptions;
  /** Where the bearer token comes from; left out, calls send none (the token request itself). */
  tokens?: TokenSource | undefined;
  /** Told every token the calls send (the secret registry, so that no message shows one). */
  onToken?: ((token: string) => void) | undefined;
  log?: ClientLog | undefined;
  random?: (() => number) | undefined;
}

/**
 * A call, as the client runs it: auth (the token) → [retries: each attempt a whole openapi-fetch
 * call → the sending pipeline (rate limiter → timeout → fetch)], then the client settles it.
 *
 * Everything that sends again (the one re-send after a 401 with a renewed token; retries) does
 * so by running openapi-fetch once more with the same init: it builds a new Request from the
 * call's `body`, so nothing is cloned or sent half-consumed, and openapi-fetch middleware sees
 * every attempt. An attempt ends when openapi-fetch has read its answer; that is when the
 * pipeline is told (its rate-limit slot, its timeout). The common case, one attempt that needs
 * nothing more, is one plain `then`: this runs on every call.
 */
export function createCallRunner(options: CallRunnerOptions): CallRunner {
  const { pipeline, tokens, onToken, log } = options;
  const retry = createRetryPolicy(options.retry, options.random);

  const useToken = (call: CallContext, token: string): void => {
    onToken?.(token);
    call.token = token;
  };

  const end = (call: CallContext, { response }: RawResult, stream: boolean): void => {
    pipeline.answered(call, response.status);
    // A stream is read by the caller after the call resolves: its timeout keeps bounding it.
    if (!(stream && response.ok)) pipeline.done(call);
  };

  return <T>(method: string, init: RawInit, sendOnce: SendOnce, settle: (result: RawResult) => T): Promise<T> => {
    // A caller's own per-call `fetch` is sent through at the bottom of the pipeline, not replaced.
    const call = newCall(init?.signal ?? undefined, init?.fetch);
    const stream = init?.parseAs === 'stream';
    const fetch = (request: Request) => {
      call.request = request;
      if (call.token !== undefined) request.headers.set('Authorization', `Bearer ${call.token}`);
      return pipeline.send(request, call);
    };
    const attemptInit = init === undefined ? { fetch } : { ...init, fetch };

    /** One attempt, as an outcome; never rejects. */
    const attempt = (): Promise<{ result?: RawResult; failure?: unknown }> => {
      call.request = undefined;
      return sendOnce(attemptInit).then(
        (result) => {
          end(call, result, stream);
          return { result };
        },
        (failure: unknown) => {
          pipeline.failed(call);
          return { failure };
        },
      );
    };

    /** After a first attempt that was not a plain success: the 401 renewal, then retries. */
    async function keepTrying(startedAt: number, firstOutcome: { result?: RawResult; failure?: unknown }): Promise<RawResult> {
      let outcome = firstOutcome;
      let renewed = false;
      for (let n = 1; ; ) {
        const { result, failure } = outcome;
        if (result?.response.status === 401 && tokens !== undefined && call.token !== undefined && !renewed) {
          // Expired or revoked: renew once and send once more; this is not a retry.
          renewed = true;
          log?.({ type: 'token-rejected', method, path: pathOf(call) });
          const fresh = await tokens.renew(call.token);
          if (fresh === undefined) return result;
          useToken(call, fresh);
          outcome = await attempt();
          continue;
        }
        // The caller gave up: never retry that. A failure before the request was sent is not the network's.
        const retryable = result !== undefined || (call.request !== undefined && !call.signal?.aborted);
        const delayMs = retryable ? retry.delayAfter(n, method, result ? { response: result.response } : { failure }, startedAt) : undefined;
        if (delayMs === undefined) {
          if (result !== undefined) return result;
          throw failure;
        }
        log?.({
          type: 'retry',
          method,
          path: pathOf(call),
          attempt: n,
          delayMs: Math.round(delayMs),
          ...(result ? { status: result.response.status, reason: `status ${result.response.status}` } : { reason: describe(failure) }),
        });
        await sleep(delayMs, call.signal);
        outcome = await attempt();
        n++;
      }
    }

    // The first attempt, without the outcome object `attempt` makes: nearly every call ends here.
    const first = (): Promise<T> => {
      const startedAt = Date.now();
      call.request = undefined;
      return sendOnce(attemptInit).then(
        (result) => {
          end(call, result, stream);
          return result.response.status < 400 ? settle(result) : keepTrying(startedAt, { result }).then(settle);
        },
        (failure: unknown) => {
          pipeline.failed(call);
          return keepTrying(startedAt, { failure }).then(settle);
        },
      );
    };

    const token = tokens?.current();
    if (token === undefined || typeof token === 'string') {
      if (token !== undefined) useToken(call, token);
      return first();
    }
    return token.then((t) => {
      useToken(call, t);
      return first();
    });
  };
}

function pathOf(call: CallContext): string {
  return call.request ? new URL(call.request.url).pathname : '';
}

function describe(error: unknown): string {
  // Only the error's kind: a message may quote the URL or, from some agents, headers.
  return error instanceof Error ? error.name : 'network error';
}
