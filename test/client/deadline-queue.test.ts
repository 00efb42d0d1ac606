import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDeadlineQueue } from '../../src/client/pipeline/deadline-queue.ts';

afterEach(() => {
  vi.useRealTimers();
});

const reasonOf = (controller: AbortController) => (controller.signal.aborted ? (controller.signal.reason as Error).name : 'live');

describe('deadline queue (the timeout layer: one timer for every attempt)', () => {
  it('aborts each controller with a TimeoutError at its own deadline, not before', async () => {
    vi.useFakeTimers();
    const deadlines = createDeadlineQueue(1000);
    const first = new AbortController();
    const second = new AbortController();
    deadlines.add(first);
    await vi.advanceTimersByTimeAsync(400);
    deadlines.add(second);
    await vi.advanceTimersByTimeAsync(599);
    expect([reasonOf(first), reasonOf(second)]).toEqual(['live', 'live']);
    await vi.advanceTimersByTimeAsync(1);
    expect([reasonOf(first), reasonOf(second)]).toEqual(['TimeoutError', 'live']);
    await vi.advanceTimersByTimeAsync(399);
    expect(reasonOf(second)).toBe('live');
    await vi.advanceTimersByTimeAsync(1);
    expect(reasonOf(second)).toBe('TimeoutError');
  });

  it('never aborts a settled attempt, in whatever order attempts settle', async () => {
    vi.useFakeTimers();
    const deadlines = createDeadlineQueue(1000);
    const controllers = [new AbortController(), new AbortController(), new AbortController()];
    const added = controllers.map((controller) => deadlines.add(controller));
    deadlines.settle(added[1]!); // the middle one first: it cannot be dropped from the front yet
    deadlines.settle(added[0]!);
    await vi.advanceTimersByTimeAsync(5000);
    expect(controllers.map(reasonOf)).toEqual(['live', 'live', 'TimeoutError']);
  });

  it('keeps one timer for any number of attempts, and times out attempts added after it fired', async () => {
    vi.useFakeTimers();
    const deadlines = createDeadlineQueue(1000);
    const early = Array.from({ length: 50 }, () => new AbortController());
    for (const controller of early) deadlines.add(controller);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(early.every((controller) => reasonOf(controller) === 'TimeoutError')).toBe(true);
    const late = new AbortController();
    deadlines.add(late);
    await vi.advanceTimersByTimeAsync(1000);
    expect(reasonOf(late)).toBe('TimeoutError');
  });

  it('keeps the process alive only while an attempt is in flight', () => {
    const timers = () => process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;
    const before = timers();
    const deadlines = createDeadlineQueue(60_000);
    const first = deadlines.add(new AbortController());
    expect(timers()).toBe(before + 1);
    deadlines.settle(first);
    expect(timers()).toBe(before);
    const second = deadlines.add(new AbortController()); // the timer armed for `first` serves again
    expect(timers()).toBe(before + 1);
    deadlines.settle(second);
    expect(timers()).toBe(before);
  });
});
