// The contract suite: scenarios against a live target, every answer held against the
// description (src/contract). Aimed by EASEMOB_BASE_URL / EASEMOB_CLIENT_ID /
// EASEMOB_CLIENT_SECRET at a team's own app; without them, against a sandbox it starts, and
// again through Prism's validation proxy in front of a sandbox. `npm run test:contract`.
//
// A thin runner: the scenarios are the package's own (src/contract/scenarios, which the
// `easemob-contract` command runs too); this file only chooses targets and turns each scenario
// into a vitest test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractScenarios, negativeCasesRun } from '../../src/contract/scenarios/index.ts';
import { findingsOf } from '../../src/contract/suite/findings.ts';
import { closeSuite, openSuite } from '../../src/contract/suite/open-suite.ts';
import type { Suite, TargetKind } from '../../src/contract/suite/suite.ts';
import { rateLimitScenarios } from './scenarios/rate-limit.ts';
import { prismProxyTarget, remoteTargetFromEnv, sandboxTarget, type ContractTarget } from './support/target.ts';

const remote = remoteTargetFromEnv();
const kinds: TargetKind[] = remote ? ['remote'] : ['sandbox', 'proxy'];

// Statuses a caller cannot provoke, per operation, and why.
const UNPROVOKABLE: Record<string, string[]> = {
  '*': ['500'], // the service's own failures (the sandbox never answers bad input with 5xx)
  listUsers: ['404'], // the seed lists 404 here, but no user is named in the path
  deleteUsers: ['404'],
  importContacts: ['403'], // needs a user with 3,000 contacts; test/sandbox/contacts-today.test.ts provokes it
};

async function startTarget(kind: TargetKind): Promise<ContractTarget> {
  if (kind === 'remote') return remote!;
  const sandbox = await sandboxTarget();
  return kind === 'sandbox' ? sandbox : prismProxyTarget(sandbox);
}

describe.each(kinds)('contract against the %s', (kind) => {
  let suite: Suite | undefined;

  beforeAll(async () => {
    suite = await openSuite(kind, await startTarget(kind));
  }, 60_000);

  afterAll(async () => {
    // Users of this run are removed even when a scenario failed.
    await closeSuite(suite);
  }, 60_000);

  const scenarios = [
    ...contractScenarios(kind, { destructive: kind !== 'remote' || remote!.destructive }),
    ...(kind === 'sandbox' ? rateLimitScenarios() : []),
  ];
  for (const scenario of scenarios) {
    it(scenario.name, async () => {
      if (!suite) throw new Error('the target did not start');
      await scenario.run(suite);
    });
  }

  it('held every answer to the description, and exercised every operation', () => {
    if (!suite) throw new Error('the target did not start');
    const { api, coverage } = suite;
    console.log(`\n${api.target.name}: operation × status exercised (· documented, not seen)\n${coverage.table()}`);
    if (kind !== 'proxy') console.log(`negative cases run so far: ${negativeCasesRun.count}`);
    const findings = findingsOf(suite);
    expect(findings.violations).toEqual([]);
    expect(findings.prismViolations).toEqual([]);
    expect(findings.missingSuccess).toEqual([]);
    if (kind === 'sandbox') {
      const unexpectedGaps = Object.entries(coverage.missingStatuses())
        .map(([id, statuses]) => [id, statuses.filter((s) => !UNPROVOKABLE['*']!.includes(s) && !(UNPROVOKABLE[id] ?? []).includes(s))] as const)
        .filter(([, statuses]) => statuses.length > 0);
      expect(Object.fromEntries(unexpectedGaps)).toEqual({});
    }
  });
});
