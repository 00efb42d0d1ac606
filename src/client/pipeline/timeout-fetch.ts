import { createDeadlineQueue } from './deadline-queue.ts';
import type { BaseFetch, CallContext, Send } from './fetch-types.ts';

export interface TimeoutFetch {
  fetch: Send;
  /** The attempt's body has been read, or never will be: disarm its deadline and caller listener. */
  done(call: CallContext): void;
}

/**
 * Bounds one attempt, body included: the deadline and the caller's abort stay armed until the
 * call has read its answer (`done`), not just its headers, because a body can stall after the
 * headers. Aborting the signal handed to fetch errors the body stream too, so a stalled read
 * rejects with a `TimeoutError` (or the caller's reason, an `AbortError`).
 *
 * A plain AbortController and one timer for all attempts (a DeadlineQueue) instead of
 * AbortSignal.any/AbortSignal.timeout or a timer each: those cost microseconds per request, and
 * this layer is on every call.
 */
export function createTimeoutFetch(fetch: BaseFetch, timeoutMs: number | undefined): TimeoutFetch {
  // Without a timeout, fetch follows the caller's signal (on the Request) for the body itself.
  if (timeoutMs === undefined) return { fetch: (request, call) => (call.fetch ?? fetch)(request), done: () => {} };
  const deadlines = createDeadlineQueue(timeoutMs);
  return {
    fetch(request, call) {
      const controller = new AbortController();
      const caller = call.signal;
      if (caller !== undefined) {
        if (caller.aborted) return Promise.reject(caller.reason);
        const onCallerAbort = () => controller.abort(caller.reason);
        caller.addEventListener('abort', onCallerAbort, { once: true });
        call.onCallerAbort = onCallerAbort;
      }
      call.deadline = deadlines.add(controller);
      return (call.fetch ?? fetch)(request, { signal: controller.signal });
    },
    done(call) {
      if (call.deadline !== undefined) {
        deadlines.settle(call.deadline);
        call.deadline = undefined;
      }
      if (call.onCallerAbort !== undefined) {
        call.signal!.removeEventListener('abort', call.onCallerAbort);
        call.onCallerAbort = undefined;
      }
    },
  };
}
