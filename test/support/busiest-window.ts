/**
 * The most times that fall in any half-open window [t, t + windowMs): what a service that counts
 * arrivals in a sliding window sees at its busiest. Used by the limiter's tests and its bench.
 */
export function busiestWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let start = 0, end = 0; start < sorted.length; start++) {
    while (end < sorted.length && sorted[end]! < sorted[start]! + windowMs) end++;
    most = Math.max(most, end - start);
  }
  return most;
}
