/** An attempt's place in a DeadlineQueue: its controller, until it expires or is settled. */
export interface Deadline {
  readonly at: number;
  controller: AbortController | undefined;
}

export interface DeadlineQueue {
  /** Aborts `controller` with a TimeoutError `timeoutMs` from now, unless settled before. */
  add(controller: AbortController): Deadline;
  settle(deadline: Deadline): void;
}

type Timer = ReturnType<typeof setTimeout> & { ref?: () => unknown; unref?: () => unknown };

/**
 * Timeouts that all have the same length, with one timer for all of them instead of one each.
 * Equal lengths mean deadlines come in the order they were added, so a queue with one timer
 * armed for its earliest live deadline does what a timer per attempt did; arming and clearing a
 * timer on every call cost about a microsecond, a good part of what the client's layers may add
 * over bare openapi-fetch (bench:client).
 *
 * The timer, once armed, always fires at or before the earliest live deadline (later ones are
 * never earlier), and re-arms itself for the next. While nothing is in flight it must not keep
 * the process alive: it is unref'd (Node, Bun) or cleared (runtimes without unref).
 * performance.now, not Date.now: a clock set back would otherwise stall every timeout; fake
 * timers (vitest, Jest) fake performance along with setTimeout.
 */
export function createDeadlineQueue(timeoutMs: number): DeadlineQueue {
  let queue: Deadline[] = [];
  let head = 0;
  let timer: Timer | undefined;
  let held = false; // whether the timer keeps the process alive

  function arm(delayMs: number): void {
    timer = setTimeout(expire, delayMs) as Timer;
    held = true;
  }

  function expire(): void {
    timer = undefined;
    const now = performance.now();
    const expired: AbortController[] = [];
    for (; head < queue.length; head++) {
      const deadline = queue[head]!;
      if (deadline.controller === undefined) continue;
      if (deadline.at > now) break;
      expired.push(deadline.controller);
      deadline.controller = undefined;
    }
    dropSettled();
    if (head < queue.length) arm(queue[head]!.at - now);
    // Last, with the queue consistent: an abort runs listeners we do not control.
    for (const controller of expired) controller.abort(new DOMException(`no complete answer within ${timeoutMs} ms`, 'TimeoutError'));
  }

  /** Forgets settled deadlines at the front, so the queue holds about what is in flight. */
  function dropSettled(): void {
    while (head < queue.length && queue[head]!.controller === undefined) head++;
    if (head === queue.length) {
      queue.length = 0;
      head = 0;
      release();
    } else if (head > 1024 && head * 2 > queue.length) {
      queue = queue.slice(head);
      head = 0;
    }
  }

  function release(): void {
    if (timer === undefined || !held) return;
    if (typeof timer.unref === 'function') {
      timer.unref();
      held = false;
    } else {
      clearTimeout(timer);
      timer = undefined;
    }
  }

  return {
    add(controller) {
      const deadline: Deadline = { at: performance.now() + timeoutMs, controller };
      queue.push(deadline);
      if (timer === undefined) arm(timeoutMs);
      else if (!held) {
        // Armed for an earlier deadline already settled: it fires sooner than this one, and re-arms.
        timer.ref!();
        held = true;
      }
      return deadline;
    },
    settle(deadline) {
      deadline.controller = undefined;
      if (queue[head] === deadline) dropSettled();
    },
  };
}
