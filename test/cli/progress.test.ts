// The import's progress: a bar redrawn in place on a terminal, sparse plain lines otherwise.
import { describe, expect, it } from 'vitest';
import { createProgress, describeProgress } from '../../src/cli/import/progress.ts';

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream, written };
}

describe('import progress', () => {
  it('computes percent, rate and ETA from the records done since this run started', () => {
    const state = { done: 600, total: 1000, startedAt: 0, resumedAt: 100 };
    expect(describeProgress(state, 10_000)).toEqual({ percent: 60, rate: 50, eta: 8 });
    expect(describeProgress({ ...state, total: undefined }, 10_000)).toEqual({ rate: 50 });
  });

  it('redraws one line with a bar, rate and ETA on a terminal', () => {
    const { stream, written } = fakeStream(true);
    let now = 0;
    const progress = createProgress(stream, () => now);
    now = 2000;
    progress.update({ done: 500, total: 1000, startedAt: 0, resumedAt: 0 });
    progress.finish();
    expect(written[0]).toMatch(/^\r\[#{12}-{12}\] 500\/1000 records \(50%\), 250\/s, ETA 2s/);
    expect(written.at(-1)).toBe('\n');
  });

  it('writes plain lines at most every two seconds elsewhere, and the last state at the end', () => {
    const { stream, written } = fakeStream(false);
    let now = 5000;
    const progress = createProgress(stream, () => now);
    for (let done = 100; done <= 1000; done += 100) {
      progress.update({ done, total: 1000, startedAt: 0, resumedAt: 0 });
      now += 500;
    }
    progress.finish();
    expect(written.every((line) => line.startsWith('progress: ') && !line.includes('\r'))).toBe(true);
    expect(written.length).toBe(4); // at 5.0 s, 7.0 s and 9.0 s, then the final state
    expect(written.at(-1)).toContain('1000/1000 records (100%)');
  });
});
