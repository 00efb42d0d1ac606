import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { shareCompileCache } from './scripts/compile-cache.ts';

// The workers, and every process a test starts, start from V8's code cache (scripts/compile-cache.ts).
shareCompileCache();

// Speed (issue 10): most files start a sandbox or a child process and then wait on sockets, so
// on two cores three workers keep both busy (vitest's default there is one worker, every file in
// turn; two left 1.5 cores used: all files but the process-heavy ones (below) took 45 s
// with two workers, 37 s with three or four); a bigger machine gets a worker per core but one,
// vitest's own default there. As many workers stay as start: with fewer kept (minWorkers 1),
// vitest 3.2's pool once ended an idle worker mid-run and the run failed ("Terminating worker
// thread", an unhandled rejection; vitest issue #8564 is its kin).
// One group: the files that start whole processes (npm pack and install, npm start, Prism, a
// browser) once ran after everything else, so that the import's pacing would not share the
// cores with them. The import now paces with the client's limiter, which counts a request until
// its answer arrives (issue 11), so a loaded machine slows it without pushing it over the
// sandbox's limit. Run beside the rest, the package test starts first instead of last (vitest
// starts the longest file of the last run first, or on a fresh clone the largest: it is both),
// and npm test went from 85-89 s to 67-78 s on two cores (eight runs, all passing).
// Files share their workers' module cache (isolate: false): the description, its compiled
// validators and the sandbox's modules load once per worker instead of once per file, which was
// half of the suite's CPU time. Test files keep no state in shared modules that another file
// could see (test/sandbox/secrets.test.ts clears the answers it inspects); fake timers are
// restored after each test that sets them.
const WORKERS = Math.max(3, availableParallelism() - 1);

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', './test/support/plain-summary-reporter.ts'],
    isolate: false,
    maxWorkers: WORKERS,
    minWorkers: WORKERS,
  },
});
