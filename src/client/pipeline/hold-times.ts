/**
 * When the rate limiter's ended slots stop counting: a sorted ring of times in a Float64Array.
 *
 * Why not a plain array: at a few thousand calls a second below a high limit, one window holds
 * thousands of times, and an array that grows, and is sliced as times expire, lived in V8's young
 * heap and was copied by every scavenge: a CPU profile of bench:client (16 at a time, the client
 * with and without its limiter) showed about 3 µs of garbage collection a call more. A typed
 * array's storage is outside the heap and is reused.
 *
 * It keeps at most `cap` times (the limit), the latest: admission asks only whether fewer than
 * `limit` slots are in use, and while a dropped earlier time is still running, the `cap` later
 * ones are running too, so the answer is the same.
 */
export class HoldTimes {
  private readonly cap: number;
  private times: Float64Array;
  private start = 0;
  private count = 0;

  constructor(cap: number) {
    this.cap = cap;
    this.times = new Float64Array(Math.min(16, nextPowerOfTwo(cap)));
  }

  /** How many times are later than `t`, after forgetting the others. */
  runningAt(t: number): number {
    const mask = this.times.length - 1;
    while (this.count > 0 && this.times[this.start]! <= t) {
      this.start = (this.start + 1) & mask;
      this.count--;
    }
    return this.count;
  }

  /** The earliest time kept, if any. */
  earliest(): number | undefined {
    return this.count > 0 ? this.times[this.start] : undefined;
  }

  add(until: number): void {
    if (this.count === this.cap) {
      // Full: keep the latest `cap` times.
      if (until <= this.times[this.start]!) return;
      this.start = (this.start + 1) & (this.times.length - 1);
      this.count--;
    } else if (this.count === this.times.length) {
      this.grow();
    }
    // Times come nearly in order (a failure holds a little longer than an answer): insert from the end.
    const mask = this.times.length - 1;
    let i = this.count;
    while (i > 0 && this.times[(this.start + i - 1) & mask]! > until) {
      this.times[(this.start + i) & mask] = this.times[(this.start + i - 1) & mask]!;
      i--;
    }
    this.times[(this.start + i) & mask] = until;
    this.count++;
  }

  private grow(): void {
    const larger = new Float64Array(this.times.length * 2);
    const mask = this.times.length - 1;
    for (let i = 0; i < this.count; i++) larger[i] = this.times[(this.start + i) & mask]!;
    this.times = larger;
    this.start = 0;
  }
}

function nextPowerOfTwo(n: number): number {
  return n <= 1 ? 1 : 2 ** Math.ceil(Math.log2(n));
}
