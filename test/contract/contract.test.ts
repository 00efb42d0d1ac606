// The contract suite: scenarios against a live target, every answer held against the
// description (src/contract). Aimed by EASEMOB_BASE_URL / EASEMOB_CLIENT_ID /
// EASEMOB_CLIENT_SECRET at a team's own app; without them, against a sandbox it starts, and
// again through Prism's validation proxy in front of a sandbox. `npm run test:contract`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatViolation } from '../../src/contract/check-exchange.ts';
import { Coverage } from '../../src/contract/coverage.ts';
import { loadDescription } from '../../src/contract/description.ts';
import { accountScenarios } from './scenarios/account-state.ts';
import { blocksTodayScenarios } from './scenarios/blocks-today.ts';
import { contactsTodayScenarios } from './scenarios/contacts-today.ts';
import { cursorAndCorsScenarios } from './scenarios/cursors-and-cors.ts';
import { deleteUsersCursorScenarios } from './scenarios/delete-users-cursor.ts';
import { deleteUsersScenarios } from './scenarios/delete-users.ts';
import { deviceScenarios } from './scenarios/devices.ts';
import { errorScenarios } from './scenarios/errors.ts';
import { globalMuteScenarios } from './scenarios/global-mute.ts';
import { negativeCasesRun, negativeDataScenarios } from './scenarios/negative-data.ts';
import { pushNicknameScenarios } from './scenarios/push-nicknames.ts';
import { pushSettingsScenarios } from './scenarios/push-settings.ts';
import { rateLimitScenarios } from './scenarios/rate-limit.ts';
import { relationScenarios } from './scenarios/relations.ts';
import { tokenScenarios } from './scenarios/token.ts';
import { typedClientScenarios } from './scenarios/typed-client.ts';
import { userAttributeScenarios } from './scenarios/user-attributes.ts';
import { userTokenScenarios } from './scenarios/user-tokens.ts';
import { userScenarios } from './scenarios/users.ts';
import { usersStatusScenarios } from './scenarios/users-status.ts';
import { Api } from './support/api.ts';
import type { Suite, TargetKind } from './support/suite.ts';
import { prismProxyTarget, remoteTargetFromEnv, sandboxTarget, type ContractTarget } from './support/target.ts';

const description = loadDescription();
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
  const ref = () => {
    if (!suite) throw new Error('the target did not start');
    return suite;
  };

  beforeAll(async () => {
    const target = await startTarget(kind);
    const coverage = new Coverage(description);
    suite = { kind, target, api: new Api(target, description, coverage), description, coverage };
    await suite.api.token();
  }, 60_000);

  afterAll(async () => {
    // Users of this run are removed even when a scenario failed.
    await suite?.api.cleanUp();
    await suite?.target.stop();
  }, 60_000);

  tokenScenarios(ref, kind);
  userScenarios(ref, kind);
  relationScenarios(ref);
  accountScenarios(ref, kind);
  usersStatusScenarios(ref, kind);
  deviceScenarios(ref, kind);
  blocksTodayScenarios(ref, kind);
  contactsTodayScenarios(ref, kind);
  pushNicknameScenarios(ref, kind);
  globalMuteScenarios(ref, kind);
  userAttributeScenarios(ref, kind);
  errorScenarios(ref, kind);
  typedClientScenarios(ref, kind);
  userTokenScenarios(ref);
  pushSettingsScenarios(ref, kind);
  cursorAndCorsScenarios(ref, kind);
  if (kind !== 'proxy') negativeDataScenarios(ref, kind);
  if (kind === 'sandbox') rateLimitScenarios(ref);
  if (kind !== 'remote' || remote?.destructive) {
    deleteUsersScenarios(ref);
    deleteUsersCursorScenarios(ref);
  }

  it('held every answer to the description, and exercised every operation', () => {
    const { api, coverage } = ref();
    console.log(`\n${api.target.name}: operation × status exercised (· documented, not seen)\n${coverage.table()}`);
    if (kind !== 'proxy') console.log(`negative cases run so far: ${negativeCasesRun.count}`);
    expect(api.violations.map(formatViolation)).toEqual([]);
    expect(api.prismViolations).toEqual([]);
    expect(coverage.missingSuccess()).toEqual([]);
    if (kind === 'sandbox') {
      const unexpectedGaps = Object.entries(coverage.missingStatuses())
        .map(([id, statuses]) => [id, statuses.filter((s) => !UNPROVOKABLE['*']!.includes(s) && !(UNPROVOKABLE[id] ?? []).includes(s))] as const)
        .filter(([, statuses]) => statuses.length > 0);
      expect(Object.fromEntries(unexpectedGaps)).toEqual({});
    }
  });
});
