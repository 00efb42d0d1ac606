// `npm run mock` serves the description with Prism. One valid request per operation, built from
// the description itself (its examples), must get the operation's 200 and a body that
// validates; a missing token and a broken username rule are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContractChecker, formatViolation } from '../../src/contract/check-exchange.ts';
import { contractFetch } from '../../src/contract/contract-fetch.ts';
import { loadDescription } from '../../src/contract/description.ts';
import { listOperations } from '../../src/contract/operations.ts';
import { requestFor } from '../../src/contract/suite/operation-requests.ts';
import { startPrism, type RunningPrism } from '../support/servers.ts';

const description = loadDescription();
let prism: RunningPrism;
// One checker for every case: it keeps no state between checks (issue 10: one per case was a compile each).
let checker: ContractChecker;

beforeAll(async () => {
  prism = await startPrism();
  checker = new ContractChecker(description, prism.baseUrl);
});
afterAll(() => prism?.stop());

describe('the Prism mock', () => {
  // Side by side: Prism answers one operation while the next is checked (issue 10).
  it.concurrent.each(listOperations(description).map((op) => [op.operationId, op] as const))(
    '%s answers 200 with a body that validates',
    async (_id, op) => {
      const checked = contractFetch(checker);
      const request = requestFor(description, op, { user: 'jliu', other: 'yantao' });
      const url = new URL(`${prism.baseUrl}${request.path}`);
      for (const [key, value] of Object.entries(request.options.query ?? {})) url.searchParams.set(key, String(value));
      const headers: Record<string, string> = { authorization: 'Bearer YWMtmock-token' };
      if (request.options.body !== undefined) headers['content-type'] = 'application/json';
      if (request.options.rawBody !== undefined) headers['content-type'] = request.options.contentType ?? 'application/json';
      const body = request.options.rawBody ?? (request.options.body !== undefined ? JSON.stringify(request.options.body) : undefined);
      const response = await checked.fetch(url, { method: request.method, headers, ...(body !== undefined && { body }) });
      expect(response.status).toBe(200);
      expect(checked.violations.map(formatViolation)).toEqual([]);
    },
  );

  it('refuses a secured call without a token with 401', async () => {
    const response = await fetch(`${prism.baseUrl}/users/jliu`);
    expect(response.status).toBe(401);
  });

  it('refuses a registration that breaks the username rule with 4xx', async () => {
    const response = await fetch(`${prism.baseUrl}/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer x' },
      body: JSON.stringify({ username: 'not valid', password: 'p' }),
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });
});
