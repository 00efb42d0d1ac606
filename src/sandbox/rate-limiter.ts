// Per client IP, at most `limit` requests in any sliding second (the seed: 30 calls a second per
// IP). Calendar seconds would admit 2×limit within a few ms around a boundary (issue 10); here
// each IP keeps the times of its last `limit` admitted requests in a ring, and a request is
// admitted only when the oldest of them is a full second old. Refused requests do not count.

export interface RateDecision {
  admitted: boolean;
  /** When refused: whole seconds until a request would be admitted (Retry-After), at least 1. */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  /** Counts a request, if admitted. */
  take(ip: string): RateDecision;
}

const WINDOW_MS = 1000;
/** IPs idle for a window are forgotten when the table grows past this. */
const SWEEP_AT = 10_000;

interface Ring {
  times: Float64Array;
  next: number;
  last: number;
}

export function createRateLimiter(limit: number, now: () => number): RateLimiter {
  const rings = new Map<string, Ring>();
  const admitted: RateDecision = { admitted: true, retryAfterSeconds: 0 };

  function sweep(at: number) {
    for (const [ip, ring] of rings) if (at - ring.last >= WINDOW_MS) rings.delete(ip);
  }

  return {
    take(ip) {
      const at = now();
      let ring = rings.get(ip);
      if (!ring) {
        if (rings.size >= SWEEP_AT) sweep(at);
        ring = { times: new Float64Array(limit).fill(-Infinity), next: 0, last: at };
        rings.set(ip, ring);
      }
      // The slot to overwrite holds the oldest of the last `limit` admitted times.
      const oldest = ring.times[ring.next]!;
      if (at - oldest < WINDOW_MS) {
        return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + WINDOW_MS - at) / 1000)) };
      }
      ring.times[ring.next] = at;
      ring.next = (ring.next + 1) % limit;
      ring.last = at;
      return admitted;
    },
  };
}
