// For every operation, the errors a caller can provoke: no token, a corrupt, unknown or expired
// token (401), a user that does not exist (404), an unknown org/app (400), a body over 1 MiB
// (413). The requests are otherwise valid, so each answer is about the one thing made wrong.
import { expect, it, beforeAll } from 'vitest';
import { listOperations } from '../../../src/contract/operations.ts';
import { loadDescription } from '../../../src/contract/description.ts';
import { namesAUser, requestFor } from '../../support/operation-requests.ts';
import { CORRUPT_TOKEN, NO_SUCH_USER, UNKNOWN_TOKEN, type SuiteRef, type TargetKind } from '../support/suite.ts';

const operations = listOperations(loadDescription());
const secured = operations.filter((op) => op.operationId !== 'getToken');
// A destructive operation is only sent when it is refused before any work is done.
const safeToSend = (kind: TargetKind) => (op: (typeof operations)[number]) => op.operationId !== 'deleteUsers' || kind !== 'remote';

export function errorScenarios(suite: SuiteRef, kind: TargetKind): void {
  let owner = '';
  let other = '';
  let expiredToken = '';

  beforeAll(async () => {
    const { api, target } = suite();
    [owner, other] = [api.username('err'), api.username('err')];
    await api.createUsers(owner, other);
    const short = await api.call('POST', '/token', {
      token: null,
      body: { grant_type: 'client_credentials', client_id: target.clientId, client_secret: target.clientSecret, ttl: 1 },
    });
    expiredToken = short.body.access_token;
    if (target.sandbox) {
      const moved = await fetch(target.sandbox.clockUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advance_seconds: 2 }) });
      if (!moved.ok) throw new Error(`could not move the sandbox clock: ${moved.status}`);
    } else await new Promise((resolve) => setTimeout(resolve, 2100));
  });

  const send = async (op: (typeof operations)[number], token: string | null | undefined, user = owner, baseUrl?: string) => {
    const { api, description } = suite();
    const request = requestFor(description, op, { user, other });
    return api.call(request.method, request.path, { ...request.options, token, ...(baseUrl && { baseUrl }) });
  };

  if (kind !== 'proxy') {
    // Prism's proxy refuses a request without credentials itself, in its own format.
    it.each(secured.filter(safeToSend(kind)).map((op) => [op.operationId, op] as const))('%s: no token answers 401', async (_id, op) => {
      const answer = await send(op, null);
      expect(answer.status).toBe(401);
      expect(answer.body.error).toBe('unauthorized');
    });
  }

  it.each(secured.filter(safeToSend(kind)).map((op) => [op.operationId, op] as const))(
    '%s: corrupt, unknown and expired tokens answer 401 with their codes',
    async (_id, op) => {
      const corrupt = await send(op, CORRUPT_TOKEN);
      expect([corrupt.status, corrupt.body.error]).toEqual([401, 'auth_bad_access_token']);
      const unknown = await send(op, UNKNOWN_TOKEN);
      expect([unknown.status, unknown.body.error]).toEqual([401, 'auth_bad_access_token']);
      const expired = await send(op, expiredToken);
      expect([expired.status, expired.body.error]).toEqual([401, 'expired_token']);
    },
  );

  it.each(operations.filter(namesAUser).map((op) => [op.operationId, op] as const))('%s: a user that does not exist answers 404', async (_id, op) => {
    const answer = await send(op, undefined, NO_SUCH_USER);
    expect(answer.status).toBe(404);
    expect(answer.body.error).toBe('service_resource_not_found');
  });

  if (kind !== 'proxy') {
    // Through the proxy the app prefix is the upstream's, not the caller's to get wrong.
    it.each(operations.filter(safeToSend(kind)).map((op) => [op.operationId, op] as const))(
      '%s: an unknown org/app answers 400 organization_application_not_found',
      async (_id, op) => {
        const { target } = suite();
        const wrongApp = target.baseUrl.replace(/\/[^/]+$/, '/ct_no_such_app');
        const answer = await send(op, undefined, owner, wrongApp);
        expect(answer.status).toBe(400);
        expect(answer.body.error).toBe('organization_application_not_found');
      },
    );
  }

  if (kind === 'sandbox') {
    it.each(operations.filter((op) => op.operation.requestBody).map((op) => [op.operationId, op] as const))(
      '%s: a body over 1 MiB answers 413',
      async (_id, op) => {
        const { api, description } = suite();
        const request = requestFor(description, op, { user: owner, other });
        const answer = await api.call(request.method, request.path, { ...request.options, rawBody: `{"pad":"${'x'.repeat(1_100_000)}"}` });
        expect(answer.status).toBe(413);
      },
    );
  }
}
