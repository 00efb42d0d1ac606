// What every scenario gets: the target, the checked API, the description and the coverage.
import type { Coverage } from '../../../src/contract/coverage.ts';
import type { Description } from '../../../src/contract/description.ts';
import type { Api } from './api.ts';
import type { ContractTarget } from './target.ts';

export type TargetKind = 'sandbox' | 'proxy' | 'remote';

export interface Suite {
  kind: TargetKind;
  target: ContractTarget;
  api: Api;
  description: Description;
  coverage: Coverage;
}

/** Scenarios register their tests at definition time and read the suite once it is started. */
export type SuiteRef = () => Suite;

export const NO_SUCH_USER = 'ct_nobody_1f2e3d4c5b6a';

/** A valid-looking token this service never issued, and one that is not even well-formed. */
export const UNKNOWN_TOKEN = 'YWMtAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
export const CORRUPT_TOKEN = 'not-a-token!';
