// Statistics over paired rounds (bench:client): quantiles, and a bootstrap interval of a median.

// A fixed seed: the interval printed for one set of rounds does not change from one print to the next.
function seededRandom(seed: number): () => number {
  return () => {
    // mulberry32: a plain multiply would lose bits beyond 2^53 and repeat early.
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}
export const quantile = (xs: number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low]! + (sorted[Math.min(low + 1, sorted.length - 1)]! - sorted[low]!) * (at - low);
};
export const median = (xs: number[]) => quantile(xs, 0.5);
export const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** 95% percentile-bootstrap interval of the median of `xs`. */
export function bootstrapMedian(xs: number[], random = seededRandom(1)): [number, number] {
  const medians: number[] = [];
  for (let i = 0; i < 2000; i++) medians.push(median(Array.from(xs, () => xs[Math.floor(random() * xs.length)]!)));
  return [quantile(medians, 0.025), quantile(medians, 0.975)];
}
