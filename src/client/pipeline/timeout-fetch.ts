import type { BaseFetch, FetchLike } from './fetch-types.ts';

/**
 * Bounds one attempt, up to the answer's headers (Easemob's bodies are small JSON; a stalled
 * body is left to the fetch implementation's own body timeout). The caller's signal, carried on
 * the Request, is followed: whichever fires first aborts the attempt.
 *
 * A plain AbortController and timer instead of AbortSignal.any/AbortSignal.timeout: those cost
 * several microseconds more per request, and this layer is on every call.
 */
export function createTimeoutFetch(fetch: BaseFetch, timeoutMs: number | undefined): FetchLike {
  if (timeoutMs === undefined) return (request) => fetch(request);
  return async (request) => {
    const caller = request.signal;
    caller.throwIfAborted();
    const controller = new AbortController();
    const onCallerAbort = () => controller.abort(caller.reason);
    caller.addEventListener('abort', onCallerAbort, { once: true });
    const timer = setTimeout(
      () => controller.abort(new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError')),
      timeoutMs,
    );
    try {
      return await fetch(request, { signal: controller.signal });
    } finally {
      clearTimeout(timer);
      caller.removeEventListener('abort', onCallerAbort);
    }
  };
}
