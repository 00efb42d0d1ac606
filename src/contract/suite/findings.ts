// What a finished run found beyond failed scenarios: answers that broke the description,
// violations Prism's proxy reported, and operations whose success answer was never seen. The
// repository's suite and the `easemob-contract` command judge a run by the same three lists.
import { formatViolation } from '../check-exchange.ts';
import type { Suite } from './suite.ts';

export interface Findings {
  /** `operation status at /pointer: reason`, one a violation. */
  violations: string[];
  prismViolations: string[];
  /** operationIds never answered with a 2xx. */
  missingSuccess: string[];
}

export function findingsOf(suite: Suite): Findings {
  return {
    violations: suite.api.violations.map(formatViolation),
    prismViolations: [...suite.api.prismViolations],
    missingSuccess: suite.coverage.missingSuccess(),
  };
}
