import type { CallContext } from './fetch-types.ts';

// Process-wide, not per client: clients that share a rate limiter compare tickets.
let nextTicket = 0;

export function newCall(signal: AbortSignal | undefined): CallContext {
  // Every field set here, in one order: one object shape for every call.
  return { ticket: nextTicket++, signal, token: undefined, request: undefined, slot: undefined, deadline: undefined, onCallerAbort: undefined };
}
