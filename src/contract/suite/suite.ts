// What every scenario gets: the target, the checked API, the description and the coverage; and
// the one shape scenarios take, so that the repository's vitest suite and the packaged
// `easemob-contract` command run the same scenario code.
import type { Coverage } from '../coverage.ts';
import type { Description } from '../description.ts';
import type { Api } from './api.ts';
import type { ContractTarget } from './target.ts';

/**
 * sandbox: an easemob-user-api sandbox (its control API plays the chat clients);
 * proxy: a sandbox behind Prism's validation proxy (Prism refuses invalid requests itself);
 * remote: anything else, above all a team's own app on the real service.
 */
export type TargetKind = 'sandbox' | 'proxy' | 'remote';

export interface Suite {
  kind: TargetKind;
  target: ContractTarget;
  api: Api;
  description: Description;
  coverage: Coverage;
}

export interface Scenario {
  name: string;
  /** Throws (an AssertionError, or any error) when the target does not behave as it should. */
  run(suite: Suite): Promise<void>;
}

export type AddScenario = (name: string, run: (suite: Suite) => Promise<void>) => void;

/** The scenarios `define` adds, in order; it decides by plain `if`s which apply to a target kind. */
export function collect(define: (scenario: AddScenario) => void): Scenario[] {
  const scenarios: Scenario[] = [];
  define((name, run) => scenarios.push({ name, run }));
  return scenarios;
}

export const NO_SUCH_USER = 'ct_nobody_1f2e3d4c5b6a';

/** A valid-looking token this service never issued, and one that is not even well-formed. */
export const UNKNOWN_TOKEN = 'YWMtAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
export const CORRUPT_TOKEN = 'not-a-token!';
