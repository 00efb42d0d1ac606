import type { CallContext, Send } from './fetch-types.ts';
import type { RateLimiter, Slot } from './rate-limiter.ts';
import { isRefusedBeforeWork } from './retry-policy.ts';

export interface ThrottledFetch {
  fetch: Send;
  /** The attempt's answer came: its slot starts to free up; a 429/503 says the limit was hit. */
  answered(call: CallContext, status: number): void;
  /** The attempt got no answer (network error, timeout, abort): its slot frees a window later. */
  failed(call: CallContext): void;
}

/**
 * Sends each attempt once the limiter grants it a slot, queued by the call's ticket, so a
 * re-send keeps the place its call first took. The slot waits on the call's context for the
 * attempt's end, which is when it starts to free up.
 */
export function createThrottledFetch(send: Send, limiter: RateLimiter): ThrottledFetch {
  const sendIn = (slot: Slot, request: Request, call: CallContext): Promise<Response> => {
    call.slot = slot;
    return send(request, call);
  };
  return {
    fetch(request, call) {
      const slot = limiter.acquire(call.ticket, call.signal);
      return slot instanceof Promise ? slot.then((granted) => sendIn(granted, request, call)) : sendIn(slot, request, call);
    },
    answered(call, status) {
      call.slot?.answered(isRefusedBeforeWork(status));
      call.slot = undefined;
    },
    failed(call) {
      call.slot?.failed();
      call.slot = undefined;
    },
  };
}
