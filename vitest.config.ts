import { configDefaults, defineConfig } from 'vitest/config';

// Tests that start whole processes (npm pack and install, npm start through npm, Prism, a
// browser) load the machine's two cores; timing-sensitive tests (the import's pacing against the
// sandbox's 30/s limit) must not share the machine with them. They run as a second group,
// after everything else.
const PROCESS_HEAVY = ['test/client/package.test.ts', 'test/cli/npm-commands.test.ts', 'test/docs/docs-offline.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', './test/support/plain-summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'suites', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...PROCESS_HEAVY], sequence: { groupOrder: 0 } },
      },
      { extends: true, test: { name: 'processes', include: PROCESS_HEAVY, sequence: { groupOrder: 1 } } },
    ],
  },
});
