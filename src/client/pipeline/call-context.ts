import type { BaseFetch, CallContext } from './fetch-types.ts';

// Process-wide, not per client: clients that share a rate limiter compare tickets.
let nextTicket = 0;

export function newCall(signal: AbortSignal | undefined, fetch: BaseFetch | undefined): CallContext {
  // Every field set here, in one order: one object shape for every call.
  return { ticket: nextTicket++, signal, fetch, token: undefined, request: undefined, slot: undefined, deadline: undefined, onCallerAbort: undefined };
}
