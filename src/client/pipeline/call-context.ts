import type { CallContext } from './fetch-types.ts';

// Process-wide, not per client: clients that share a rate limiter compare tickets.
let nextTicket = 0;

export function newCall(callerSignal = true): CallContext {
  return { ticket: nextTicket++, callerSignal, cleanups: undefined };
}

export function onCallFinished(call: CallContext, cleanup: () => void): void {
  (call.cleanups ??= []).push(cleanup);
}

export function finishCall(call: CallContext): void {
  const cleanups = call.cleanups;
  if (cleanups === undefined) return;
  call.cleanups = undefined;
  for (const cleanup of cleanups) cleanup();
}
