import type { CallContext, Send } from './fetch-types.ts';
import type { RateLimiter, Slot } from './rate-limiter.ts';
import { isRefusedBeforeWork } from './retry-policy.ts';

/**
 * Sends each attempt once the limiter grants it a slot, and tells the limiter when the answer
 * came (or that none will), which is when the slot starts to free up, and whether the service
 * refused it for its limit. Queued by the call's
 * ticket, so a re-send keeps the place its call first took.
 */
export function createThrottledFetch(send: Send, limiter: RateLimiter): Send {
  const sendIn = (slot: Slot, request: Request, call: CallContext): Promise<Response> =>
    send(request, call).then(
      (response) => {
        slot.answered(isRefusedBeforeWork(response.status));
        return response;
      },
      (failure: unknown) => {
        slot.failed();
        throw failure;
      },
    );
  return (request, call) => {
    const slot = limiter.acquire(call.ticket, request.signal);
    return slot instanceof Promise ? slot.then((granted) => sendIn(granted, request, call)) : sendIn(slot, request, call);
  };
}
