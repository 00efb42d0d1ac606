import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HoldTimes } from '../../src/client/pipeline/hold-times.ts';

describe('the rate limiter’s hold times', () => {
  it('counts the times later than now, forgets the rest, and knows the earliest left', () => {
    const held = new HoldTimes(100);
    for (const t of [30, 10, 20, 40]) held.add(t);
    expect(held.runningAt(0)).toBe(4);
    expect(held.earliest()).toBe(10);
    expect(held.runningAt(20)).toBe(2);
    expect(held.earliest()).toBe(30);
    expect(held.runningAt(40)).toBe(0);
    expect(held.earliest()).toBeUndefined();
  });

  it('grows past its first size, in order, across the ring’s end', () => {
    const held = new HoldTimes(1_000);
    // Wrap the ring first: add and expire some, then add more than its first size.
    for (let t = 1; t <= 10; t++) held.add(t);
    expect(held.runningAt(10)).toBe(0);
    for (let t = 100; t > 0; t--) held.add(1_000 + t);
    expect(held.runningAt(1_000)).toBe(100);
    expect(held.earliest()).toBe(1_001);
    expect(held.runningAt(1_050)).toBe(50);
    expect(held.earliest()).toBe(1_051);
  });

  it('keeps the latest `cap` times when full: an earlier one changes nothing a limiter asks', () => {
    const held = new HoldTimes(2);
    held.add(20);
    held.add(30);
    held.add(10); // earlier than both kept: dropped
    held.add(40); // later: 20 goes
    expect(held.runningAt(0)).toBe(2);
    expect(held.earliest()).toBe(30);
  });

  it('answers, for any times and any clock that does not go back, min(cap, how many added times are later than now)', () => {
    const op = fc.oneof(
      fc.record({ add: fc.integer({ min: 0, max: 2_000 }) }),
      fc.record({ advance: fc.integer({ min: 0, max: 300 }) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.array(op, { maxLength: 300 }), (cap, ops) => {
        const held = new HoldTimes(cap);
        const all: number[] = [];
        let now = 0;
        for (const step of ops) {
          if ('add' in step) {
            // As the limiter adds: a window after now, give or take the round-trip credit.
            held.add(now + step.add);
            all.push(now + step.add);
          } else {
            now += step.advance;
          }
          const later = all.filter((t) => t > now);
          expect(held.runningAt(now)).toBe(Math.min(cap, later.length));
          if (later.length <= cap) expect(held.earliest()).toBe(later.length ? Math.min(...later) : undefined);
        }
      }),
      { numRuns: 300 },
    );
  });
});
