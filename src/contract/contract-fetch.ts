// A `fetch` that holds every answer it gets against the description, for suites that drive a
// live server through the typed client or by hand. Violations are collected, not thrown, so a
// run reports all of them at the end.
import { ContractChecker, type Violation } from './check-exchange.ts';
import type { Coverage } from './coverage.ts';

export interface ContractFetch {
  fetch: typeof fetch;
  violations: Violation[];
}

export function contractFetch(checker: ContractChecker, coverage?: Coverage, inner: typeof fetch = fetch): ContractFetch {
  const violations: Violation[] = [];
  const checked: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const response = await inner(request.clone());
    const body = await response.clone().text();
    const result = checker.check({ method: request.method, url: request.url, status: response.status, headers: response.headers, body });
    violations.push(...result.violations);
    if (result.operationId && result.documentedAs) coverage?.record(result.operationId, response.status);
    return response;
  };
  return { fetch: checked, violations };
}
