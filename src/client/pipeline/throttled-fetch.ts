import type { FetchLike } from './fetch-types.ts';
import type { Throttle } from './throttle.ts';

/** Sends each request only once the client's shared throttle grants it a slot. */
export function createThrottledFetch(send: FetchLike, throttle: Throttle): FetchLike {
  return (request) => {
    const waiting = throttle.acquire(request.signal);
    return waiting === undefined ? send(request) : waiting.then(() => send(request));
  };
}
