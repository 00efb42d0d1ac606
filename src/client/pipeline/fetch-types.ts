/**
 * One call of the client (one `client.GET(...)`), across all its attempts: a 401 renewal and
 * every retry carry the same context. `ticket` orders the call in the rate limiter's queue, so a
 * re-send keeps the place the call first took; `cleanups` run once the call has its answer and
 * its body (the timeout layer's timers and listeners stay armed until then).
 */
export interface CallContext {
  readonly ticket: number;
  /** Whether the caller passed a signal: without one, nothing but our own layers can abort the call. */
  readonly callerSignal: boolean;
  cleanups: Array<() => void> | undefined;
}

/** What every layer of the sending pipeline takes and gives. */
export type Send = (request: Request, call: CallContext) => Promise<Response>;

/** The platform fetch's shape (the one a caller may inject); its init carries the attempt's signal. */
export type BaseFetch = (input: Request, init?: RequestInit) => Promise<Response>;
