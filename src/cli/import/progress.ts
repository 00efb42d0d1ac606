// Progress of an import: a bar redrawn in place on a terminal, plain lines (at most one every
// few seconds) otherwise, so logs in CI stay readable.
export interface ProgressState {
  /** Input records handled (good and bad). */
  done: number;
  /** Input records in the file, when known. */
  total: number | undefined;
  startedAt: number;
  /** Records handled before this run started (resumed from a checkpoint); not part of the rate. */
  resumedAt: number;
}

export interface Progress {
  update(state: ProgressState): void;
  finish(): void;
}

const formatSeconds = (s: number) => (s >= 3600 ? `${(s / 3600).toFixed(1)}h` : s >= 60 ? `${Math.round(s / 60)}m` : `${Math.round(s)}s`);

export function describeProgress(state: ProgressState, now: number): { percent?: number; rate: number; eta?: number } {
  const seconds = Math.max((now - state.startedAt) / 1000, 0.001);
  const rate = (state.done - state.resumedAt) / seconds;
  if (!state.total) return { rate };
  const percent = Math.min(100, (state.done / state.total) * 100);
  return { percent, rate, ...(rate > 0 && { eta: (state.total - state.done) / rate }) };
}

function line(state: ProgressState, now: number, bar: boolean): string {
  const { percent, rate, eta } = describeProgress(state, now);
  const width = 24;
  const filled = percent === undefined ? 0 : Math.round((percent / 100) * width);
  const head = bar && percent !== undefined ? `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ` : '';
  const of = state.total ? `/${state.total}` : '';
  const pct = percent === undefined ? '' : ` (${percent.toFixed(0)}%)`;
  return `${head}${state.done}${of} records${pct}, ${rate.toFixed(0)}/s${eta === undefined ? '' : `, ETA ${formatSeconds(eta)}`}`;
}

export function createProgress(stream: NodeJS.WriteStream, now: () => number = Date.now): Progress {
  if (stream.isTTY) {
    let last = '';
    return {
      update: (state) => {
        last = line(state, now(), true);
        stream.write(`\r${last}\x1b[K`);
      },
      finish: () => {
        if (last) stream.write('\n');
      },
    };
  }
  let lastPrinted = 0;
  let pending: ProgressState | undefined;
  return {
    update: (state) => {
      pending = state;
      if (now() - lastPrinted >= 2000) {
        stream.write(`progress: ${line(state, now(), false)}\n`);
        lastPrinted = now();
        pending = undefined;
      }
    },
    finish: () => {
      if (pending) stream.write(`progress: ${line(pending, now(), false)}\n`);
    },
  };
}
