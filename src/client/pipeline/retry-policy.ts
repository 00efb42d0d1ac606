/**
 * Which failures are worth sending again. 429 and 503 mean the service refused before doing any
 * work (Easemob's rate limit answers 503 in the 2015 guide, 429 `reach_limit` today), so any
 * method may be re-sent. A network error or another 5xx may come after the work was done, so
 * only methods that are safe to repeat are re-sent: a repeated POST could register a user twice
 * or add a contact twice.
 */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

export function isRefusedBeforeWork(status: number): boolean {
  return status === 429 || status === 503;
}

export function isRetryableStatus(method: string, status: number): boolean {
  return isRefusedBeforeWork(status) || (status >= 500 && IDEMPOTENT.has(method));
}

/**
 * A failure without an answer, of a method safe to repeat. Fetch rejects with a TypeError on a
 * network error (the Fetch standard; undici's `fetch failed`, a body cut off: `terminated`), and
 * the timeout with a TimeoutError; anything else (a body that is not JSON, a middleware's throw)
 * would fail the same way again.
 */
export function isRetryableFailure(method: string, failure: unknown): boolean {
  return IDEMPOTENT.has(method) && (failure instanceof TypeError || (failure instanceof DOMException && failure.name === 'TimeoutError'));
}
