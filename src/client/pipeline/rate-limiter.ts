export interface ThrottleOptions {
  /** Requests allowed in any one window. Easemob allows 30 a second per IP. */
  limit: number;
  /** Window length in milliseconds. */
  intervalMs: number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = { limit: 30, intervalMs: 1000 };

export interface Throttle {
  /**
   * Resolves when a request may go out. Returns undefined (no promise, no tick) when a slot is
   * free right away, so an idle limiter costs nothing measurable.
   */
  acquire(signal?: AbortSignal): Promise<void> | undefined;
}

interface Waiter {
  resolve(): void;
  reject(reason: unknown): void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

/**
 * A sliding-window limiter: it remembers when the requests of the last window went out, and a
 * new one may go only while fewer than `limit` of them are younger than a window. So no window of
 * `intervalMs`, wherever it starts, ever holds more than `limit` requests (a token bucket would
 * allow a burst of up to twice the limit across a window edge). Waiters are served in order.
 */
export function createThrottle({ limit, intervalMs }: ThrottleOptions, now: () => number = Date.now): Throttle {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError('throttle limit must be a positive integer');
  if (!(intervalMs > 0)) throw new RangeError('throttle intervalMs must be positive');
  // Send times still inside the window, oldest first; entries before `head` are expired. Memory
  // grows with the traffic actually sent, not with `limit`, so a huge limit costs nothing.
  let sent: number[] = [];
  let head = 0;
  const queue: Waiter[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  function tryTake(): boolean {
    const t = now();
    while (head < sent.length && sent[head]! <= t - intervalMs) head++;
    if (head > 1024 && head * 2 > sent.length) {
      sent = sent.slice(head);
      head = 0;
    }
    if (sent.length - head >= limit) return false;
    sent.push(t);
    return true;
  }

  function drain(): void {
    timer = undefined;
    while (queue.length > 0 && tryTake()) {
      const waiter = queue.shift()!;
      waiter.signal?.removeEventListener('abort', waiter.onAbort);
      waiter.resolve();
    }
    if (queue.length > 0) {
      // +1: a timer may fire a hair early relative to Date.now.
      timer = setTimeout(drain, Math.max(0, sent[head]! + intervalMs - now()) + 1);
    }
  }

  return {
    acquire(signal) {
      signal?.throwIfAborted();
      if (queue.length === 0 && tryTake()) return undefined;
      return new Promise<void>((resolve, reject) => {
        const waiter: Waiter = {
          resolve,
          reject,
          signal,
          onAbort: () => {
            const i = queue.indexOf(waiter);
            if (i !== -1) queue.splice(i, 1);
            reject(signal!.reason);
          },
        };
        signal?.addEventListener('abort', waiter.onAbort, { once: true });
        queue.push(waiter);
        if (timer === undefined) drain();
      });
    },
  };
}
