// Every contract scenario, in the order they run, chosen for a target: the repository's vitest
// suite (test/contract/contract.test.ts) and the packaged `easemob-contract` command both take
// their list from here.
import type { Scenario, TargetKind } from '../suite/suite.ts';
import { accountScenarios } from './account-state.ts';
import { blocksTodayScenarios } from './blocks-today.ts';
import { contactsTodayScenarios } from './contacts-today.ts';
import { cursorAndCorsScenarios } from './cursors-and-cors.ts';
import { deleteUsersCursorScenarios } from './delete-users-cursor.ts';
import { deleteUsersScenarios } from './delete-users.ts';
import { deviceScenarios } from './devices.ts';
import { errorScenarios } from './errors.ts';
import { globalMuteScenarios } from './global-mute.ts';
import { negativeDataScenarios } from './negative-data.ts';
import { pushNicknameScenarios } from './push-nicknames.ts';
import { pushSettingsScenarios } from './push-settings.ts';
import { relationScenarios } from './relations.ts';
import { tokenScenarios } from './token.ts';
import { typedClientScenarios } from './typed-client.ts';
import { userAttributeScenarios } from './user-attributes.ts';
import { userTokenScenarios } from './user-tokens.ts';
import { userScenarios } from './users.ts';
import { usersStatusScenarios } from './users-status.ts';

export { negativeCasesRun } from './negative-data.ts';

export interface ScenarioChoice {
  /**
   * May the run send what touches users it did not create (DELETE /users?limit=)? Always true
   * for a sandbox; for a live app only when its team says so (a test app).
   */
  destructive: boolean;
}

export function contractScenarios(kind: TargetKind, { destructive }: ScenarioChoice): Scenario[] {
  return [
    ...tokenScenarios(kind),
    ...userScenarios(kind),
    ...relationScenarios(),
    ...accountScenarios(kind),
    ...usersStatusScenarios(kind),
    ...deviceScenarios(kind),
    ...blocksTodayScenarios(kind),
    ...contactsTodayScenarios(kind),
    ...pushNicknameScenarios(kind),
    ...globalMuteScenarios(kind),
    ...userAttributeScenarios(kind),
    ...errorScenarios(kind),
    ...typedClientScenarios(kind),
    ...userTokenScenarios(),
    ...pushSettingsScenarios(kind),
    ...cursorAndCorsScenarios(kind),
    // Prism's proxy refuses invalid requests itself: what the service does with them is not seen.
    ...(kind !== 'proxy' ? negativeDataScenarios(kind) : []),
    ...(kind !== 'remote' || destructive ? [...deleteUsersScenarios(), ...deleteUsersCursorScenarios()] : []),
  ];
}
