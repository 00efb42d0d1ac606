// For every operation, the errors a caller can provoke: no token, a corrupt, unknown or expired
// token (401), a user that does not exist (404), an unknown org/app (400), a body over 1 MiB
// (413). The requests are otherwise valid, so each answer is about the one thing made wrong.
import { listOperations, type Operation } from '../operations.ts';
import { loadDescription } from '../description.ts';
import { expect } from '../suite/expect.ts';
import { namesAUser, requestFor } from '../suite/operation-requests.ts';
import { CORRUPT_TOKEN, NO_SUCH_USER, UNKNOWN_TOKEN, collect, type Scenario, type Suite, type TargetKind } from '../suite/suite.ts';

const operations = listOperations(loadDescription());
const secured = operations.filter((op) => op.operationId !== 'getToken');
// A destructive operation is only sent when it is refused before any work is done.
const safeToSend = (kind: TargetKind) => (op: Operation) => op.operationId !== 'deleteUsers' || kind !== 'remote';

interface Fixtures {
  owner: string;
  other: string;
  expiredToken: string;
}

/** Two users of this run and an expired app token, made once by whichever scenario runs first. */
async function prepare(suite: Suite): Promise<Fixtures> {
  const { api, target } = suite;
  const [owner, other] = [api.username('err'), api.username('err')];
  await api.createUsers(owner, other);
  const short = await api.call('POST', '/token', {
    token: null,
    body: { grant_type: 'client_credentials', client_id: target.clientId, client_secret: target.clientSecret, ttl: 1 },
  });
  if (short.status !== 200) throw new Error(`could not get a short-lived token: ${short.status}`);
  if (target.sandbox) {
    const moved = await fetch(target.sandbox.clockUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advance_seconds: 2 }) });
    if (!moved.ok) throw new Error(`could not move the sandbox clock: ${moved.status}`);
  } else await new Promise((resolve) => setTimeout(resolve, 2100));
  return { owner, other, expiredToken: short.body.access_token as string };
}

export function errorScenarios(kind: TargetKind): Scenario[] {
  let fixtures: Promise<Fixtures> | undefined;
  const ready = (suite: Suite) => (fixtures ??= prepare(suite));

  const send = async (suite: Suite, op: Operation, token: string | null | undefined, user?: string, baseUrl?: string) => {
    const { owner, other } = await ready(suite);
    const request = requestFor(suite.description, op, { user: user ?? owner, other });
    return suite.api.call(request.method, request.path, { ...request.options, token, ...(baseUrl && { baseUrl }) });
  };

  return collect((scenario) => {
    if (kind !== 'proxy') {
      // Prism's proxy refuses a request without credentials itself, in its own format.
      for (const op of secured.filter(safeToSend(kind))) {
        scenario(`${op.operationId}: no token answers 401`, async (suite) => {
          const answer = await send(suite, op, null);
          expect(answer.status).toBe(401);
          expect(answer.body.error).toBe('unauthorized');
        });
      }
    }

    for (const op of secured.filter(safeToSend(kind))) {
      scenario(`${op.operationId}: corrupt, unknown and expired tokens answer 401 with their codes`, async (suite) => {
        const { expiredToken } = await ready(suite);
        const corrupt = await send(suite, op, CORRUPT_TOKEN);
        expect([corrupt.status, corrupt.body.error]).toEqual([401, 'auth_bad_access_token']);
        const unknown = await send(suite, op, UNKNOWN_TOKEN);
        expect([unknown.status, unknown.body.error]).toEqual([401, 'auth_bad_access_token']);
        const expired = await send(suite, op, expiredToken);
        expect([expired.status, expired.body.error]).toEqual([401, 'expired_token']);
      });
    }

    for (const op of operations.filter(namesAUser)) {
      scenario(`${op.operationId}: a user that does not exist answers 404`, async (suite) => {
        const answer = await send(suite, op, undefined, NO_SUCH_USER);
        expect(answer.status).toBe(404);
        expect(answer.body.error).toBe('service_resource_not_found');
      });
    }

    if (kind !== 'proxy') {
      // Through the proxy the app prefix is the upstream's, not the caller's to get wrong.
      for (const op of operations.filter(safeToSend(kind))) {
        scenario(`${op.operationId}: an unknown org/app answers 400 organization_application_not_found`, async (suite) => {
          const wrongApp = suite.target.baseUrl.replace(/\/[^/]+$/, '/ct_no_such_app');
          const answer = await send(suite, op, undefined, undefined, wrongApp);
          expect(answer.status).toBe(400);
          expect(answer.body.error).toBe('organization_application_not_found');
        });
      }
    }

    if (kind === 'sandbox') {
      for (const op of operations.filter((op) => op.operation.requestBody)) {
        scenario(`${op.operationId}: a body over 1 MiB answers 413`, async (suite) => {
          const { owner, other } = await ready(suite);
          const request = requestFor(suite.description, op, { user: owner, other });
          const answer = await suite.api.call(request.method, request.path, { ...request.options, rawBody: `{"pad":"${'x'.repeat(1_100_000)}"}` });
          expect(answer.status).toBe(413);
        });
      }
    }
  });
}
