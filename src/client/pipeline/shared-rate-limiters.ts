import { createRateLimiter, type RateLimiter } from './rate-limiter.ts';

// The service counts requests per client IP; every client in this process shares that IP. So
// clients left on the default limit share one limiter per service origin (two apps on one host
// share it; a client of another host, another cluster, gets its own).
const byOrigin = new Map<string, RateLimiter>();

/** The process-wide limiter for `baseUrl`'s origin, at the default 30 a second. */
export function sharedRateLimiter(baseUrl: string): RateLimiter {
  const origin = new URL(baseUrl).origin;
  let limiter = byOrigin.get(origin);
  if (limiter === undefined) {
    limiter = createRateLimiter();
    byOrigin.set(origin, limiter);
  }
  return limiter;
}
