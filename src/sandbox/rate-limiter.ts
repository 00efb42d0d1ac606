// Per client IP, at most `limit` requests in each one-second window of the clock (the seed: 30
// calls a second per IP). Counts are kept for the current window only.

export interface RateLimiter {
  /** Counts a request; answers false when it is over the limit. */
  take(ip: string): boolean;
}

export function createRateLimiter(limit: number, now: () => number): RateLimiter {
  let window = -1;
  const counts = new Map<string, number>();
  return {
    take(ip) {
      const current = Math.floor(now() / 1000);
      if (current !== window) {
        window = current;
        counts.clear();
      }
      const count = (counts.get(ip) ?? 0) + 1;
      counts.set(ip, count);
      return count <= limit;
    },
  };
}
