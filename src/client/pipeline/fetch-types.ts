import type { Deadline } from './deadline-queue.ts';
import type { Slot } from './rate-limiter.ts';

/**
 * One call of the client (one `client.GET(...)`), across all its attempts: a 401 renewal and
 * every retry carry the same context. `ticket` orders the call in the rate limiter's queue, so a
 * re-send keeps the place the call first took. The attempt in flight keeps here what its layers
 * must be told when it ends: plain fields rather than closures, because one of these is made on
 * every call.
 */
export interface CallContext {
  readonly ticket: number;
  /** The caller's signal, if the caller passed one: without one, only our own layers abort. */
  readonly signal: AbortSignal | undefined;
  /** A `fetch` the caller passed for this call (openapi-fetch's per-request option), sent through by the pipeline. */
  readonly fetch: BaseFetch | undefined;
  /** The bearer token the call's attempts send; undefined for a call that sends none (getToken). */
  token: string | undefined;
  /** The attempt's request, once it reached the sending pipeline (so it was, or is being, sent). */
  request: Request | undefined;
  /** The attempt's rate-limit slot, until its answer (or its failure) is known. */
  slot: Slot | undefined;
  /** The attempt's timeout, until its body has been read. */
  deadline: Deadline | undefined;
  /** Forwards the caller's abort to the attempt, until its body has been read. */
  onCallerAbort: (() => void) | undefined;
}

/** How one attempt is sent: the per-request `fetch` openapi-fetch calls, with the call's context. */
export type Send = (request: Request, call: CallContext) => Promise<Response>;

/** The platform fetch's shape (the one a caller may inject); its init carries the attempt's signal. */
export type BaseFetch = (input: Request, init?: RequestInit) => Promise<Response>;
