// `createCheckedFetch`: a `fetch` for another team's tests and CI that holds every request their
// code sends and every answer it gets against the description, and counts which operation
// answered with which status. Hand it to the typed client (`createEasemobClient({ fetch })`) or
// use it directly. Violations are thrown at once (`onViolation: 'throw'`, the default) or
// collected for a report at the end (`'collect'`).
import { ContractChecker, formatViolation, type Violation } from './check-exchange.ts';
import { RequestChecker } from './check-request.ts';
import { Coverage } from './coverage.ts';
import { loadDescription, SchemaValidators, type Description } from './description.ts';

export interface CheckedFetchOptions {
  /** The app base URL the requests go to (`https://a1.easemob.com/org/app`, a sandbox's app). */
  baseUrl: string;
  onViolation?: 'throw' | 'collect';
  /** The fetch that really sends; global fetch by default. */
  fetch?: typeof fetch;
  /** The description to hold exchanges against; the package's bundle by default. */
  description?: Description;
}

export interface CheckedFetch {
  fetch: typeof fetch;
  /** Every violation seen so far (also in 'throw' mode, where each was thrown too). */
  violations: Violation[];
  coverage: Coverage;
  /** The operation × status table, then one line per violation. */
  report(): string;
}

export class ContractViolationError extends Error {
  readonly violations: Violation[];

  constructor(violations: Violation[]) {
    super(`the exchange breaks the description:\n${violations.map((v) => `  ${formatViolation(v)}`).join('\n')}`);
    this.name = 'ContractViolationError';
    this.violations = violations;
  }
}

export function createCheckedFetch(options: CheckedFetchOptions): CheckedFetch {
  const description = options.description ?? loadDescription();
  const validators = new SchemaValidators(description);
  const answers = new ContractChecker(description, options.baseUrl);
  const requests = new RequestChecker(description, options.baseUrl, validators);
  const coverage = new Coverage(description);
  const inner = options.fetch ?? fetch;
  const violations: Violation[] = [];
  const found = (list: Violation[]) => {
    violations.push(...list);
    if (list.length && (options.onViolation ?? 'throw') === 'throw') throw new ContractViolationError(list);
  };

  const checked: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const sentBody = request.body ? await request.clone().text() : undefined;
    found(requests.check({ method: request.method, url: request.url, body: sentBody }));
    const response = await inner(request);
    const body = await response.clone().text();
    const result = answers.check({ method: request.method, url: request.url, status: response.status, headers: response.headers, body });
    if (result.operationId && result.documentedAs) coverage.record(result.operationId, response.status);
    found(result.violations);
    return response;
  };

  return {
    fetch: checked,
    violations,
    coverage,
    report: () => [coverage.table(), ...(violations.length ? ['', `${violations.length} violations:`, ...violations.map(formatViolation)] : [])].join('\n'),
  };
}
