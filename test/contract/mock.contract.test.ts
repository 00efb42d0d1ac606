// The Prism mock holds to the description too: every operation, every documented status
// (asked for with `Prefer: code=`), its answer checked by the same contract checks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContractChecker, formatViolation } from '../../src/contract/check-exchange.ts';
import { contractFetch } from '../../src/contract/contract-fetch.ts';
import { Coverage } from '../../src/contract/coverage.ts';
import { loadDescription, type JsonObject } from '../../src/contract/description.ts';
import { listOperations } from '../../src/contract/operations.ts';
import { startPrism, type RunningPrism } from '../support/servers.ts';
import { requestFor } from '../../src/contract/suite/operation-requests.ts';

const description = loadDescription();
const coverage = new Coverage(description);
let prism: RunningPrism;
// One checker for every case (it keeps no state between checks; each case collects its own
// violations through its own contractFetch): compiling one per case cost ~20 s (issue 10).
let checker: ContractChecker;

beforeAll(async () => {
  prism = await startPrism();
  checker = new ContractChecker(description, prism.baseUrl);
});
afterAll(() => prism?.stop());

const cases = listOperations(description).flatMap((op) =>
  Object.keys(op.operation.responses as JsonObject)
    .filter((status) => status !== 'default')
    .map((status) => [`${op.operationId} ${status}`, op, status] as const),
);

describe('contract against the Prism mock', () => {
  // Side by side: Prism answers one case while the next is checked (issue 10).
  it.concurrent.each(cases)('%s', async (_label, op, status) => {
    const checked = contractFetch(checker, coverage);
    const request = requestFor(description, op, { user: 'jliu', other: 'yantao' });
    const url = new URL(`${prism.baseUrl}${request.path}`);
    for (const [key, value] of Object.entries(request.options.query ?? {})) url.searchParams.set(key, String(value));
    const headers: Record<string, string> = { prefer: `code=${status}`, authorization: 'Bearer YWMtmock' };
    if (request.options.body !== undefined) headers['content-type'] = 'application/json';
    if (request.options.rawBody !== undefined) headers['content-type'] = request.options.contentType ?? 'application/json';
    const body = request.options.rawBody ?? (request.options.body !== undefined ? JSON.stringify(request.options.body) : undefined);
    const response = await checked.fetch(url, { method: request.method, headers, ...(body !== undefined && { body }) });
    expect(response.status).toBe(Number(status));
    expect(checked.violations.map(formatViolation)).toEqual([]);
  });

  it('answered every documented status of every operation', () => {
    console.log(`\nPrism mock: operation × status exercised\n${coverage.table()}`);
    expect(coverage.missingSuccess()).toEqual([]);
    expect(coverage.missingStatuses()).toEqual({});
  });
});
