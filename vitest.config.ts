import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';
import { shareCompileCache } from './scripts/compile-cache.ts';

// The workers, and every process a test starts, start from V8's code cache (scripts/compile-cache.ts).
shareCompileCache();

// Tests that start whole processes (npm pack and install, npm start through npm, Prism, a
// browser) load the machine's two cores; timing-sensitive tests (the import's pacing against the
// sandbox's 30/s limit) must not share the machine with them. They run as a second group,
// after everything else.
const PROCESS_HEAVY = ['test/client/package.test.ts', 'test/cli/npm-commands.test.ts', 'test/docs/docs-offline.test.ts'];

// Speed (issue 10): most files start a sandbox or a child process and then wait on sockets, so
// at least two workers keep two cores busy (vitest's default on two cores is one worker, every
// file in turn); a bigger machine gets a worker per core but one, vitest's own default there.
// As many workers stay as start: with fewer kept (minWorkers 1) and three or more workers, the
// pool ended an idle worker between the two groups and the run failed ("Terminating worker
// thread", an unhandled rejection in vitest 3.2's pool; vitest issue #8564 is its kin).
// Files share their workers' module cache (isolate: false): the description, its compiled
// validators and the sandbox's modules load once per worker instead of once per file, which was
// half of the suite's CPU time. Test files keep no state in shared modules that another file
// could see (test/sandbox/secrets.test.ts clears the answers it inspects); fake timers are
// restored after each test that sets them.
const WORKERS = Math.max(2, availableParallelism() - 1);

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', './test/support/plain-summary-reporter.ts'],
    isolate: false,
    maxWorkers: WORKERS,
    minWorkers: WORKERS,
    projects: [
      {
        extends: true,
        test: { name: 'suites', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...PROCESS_HEAVY], sequence: { groupOrder: 0 } },
      },
      { extends: true, test: { name: 'processes', include: PROCESS_HEAVY, sequence: { groupOrder: 1 } } },
    ],
  },
});
