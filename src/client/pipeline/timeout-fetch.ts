import { onCallFinished } from './call-context.ts';
import { createDeadlineQueue } from './deadline-queue.ts';
import type { BaseFetch, Send } from './fetch-types.ts';

/**
 * Bounds one attempt, body included: the deadline and the caller's abort stay armed until the
 * call has read its answer (the call's cleanup), not just its headers, because a body can stall
 * after the headers. Aborting the signal handed to fetch errors the body stream too, so a
 * stalled read rejects with a `TimeoutError` (or the caller's reason, an `AbortError`).
 *
 * A plain AbortController and one timer for all attempts (a DeadlineQueue) instead of
 * AbortSignal.any/AbortSignal.timeout or a timer each: those cost microseconds per request, and
 * this layer is on every call.
 */
export function createTimeoutFetch(fetch: BaseFetch, timeoutMs: number | undefined): Send {
  // Without a timeout, fetch follows the caller's signal (on the Request) for the body itself.
  if (timeoutMs === undefined) return (request) => fetch(request);
  const deadlines = createDeadlineQueue(timeoutMs);
  return (request, call) => {
    const controller = new AbortController();
    if (!call.callerSignal) {
      // Nobody else can abort this call: no listener to add and remove.
      const deadline = deadlines.add(controller);
      onCallFinished(call, () => deadlines.settle(deadline));
      return fetch(request, { signal: controller.signal });
    }
    const caller = request.signal;
    if (caller.aborted) return Promise.reject(caller.reason);
    const deadline = deadlines.add(controller);
    const onCallerAbort = () => controller.abort(caller.reason);
    caller.addEventListener('abort', onCallerAbort, { once: true });
    onCallFinished(call, () => {
      deadlines.settle(deadline);
      caller.removeEventListener('abort', onCallerAbort);
    });
    return fetch(request, { signal: controller.signal });
  };
}
