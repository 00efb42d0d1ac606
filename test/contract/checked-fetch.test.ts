// `easemob-user-api/contract`'s checked fetch, as another team uses it: handed to the typed
// client against a sandbox, it holds requests and answers against the description.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEasemobClient } from '../../src/client/index.ts';
import { ContractViolationError, createCheckedFetch } from '../../src/contract/index.ts';
import { startSandbox, type Sandbox, type SandboxApp } from '../../src/sandbox/index.ts';

let sandbox: Sandbox;
let app: SandboxApp;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, rateLimit: 'off', scryptCost: 16 });
  app = sandbox.apps[0]!;
});
afterAll(() => sandbox.close());

const clientWith = (fetch: typeof globalThis.fetch) =>
  createEasemobClient({ baseUrl: app.baseUrl, clientId: app.clientId, clientSecret: app.clientSecret, fetch, retry: false });

async function token(): Promise<string> {
  const answer = await fetch(`${app.baseUrl}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: app.clientId, client_secret: app.clientSecret }),
  });
  return ((await answer.json()) as { access_token: string }).access_token;
}

describe('createCheckedFetch', () => {
  it('passes good exchanges, counts them, and collects a bad request with operation, pointer and reason', async () => {
    const checked = createCheckedFetch({ baseUrl: app.baseUrl, onViolation: 'collect' });
    const easemob = clientWith(checked.fetch);
    await easemob.POST('/users', { body: { username: 'cf_one', password: 'p4ssw0rd' } });
    await easemob.GET('/users/{username}', { params: { path: { username: 'cf_one' } } });
    expect(checked.violations).toEqual([]);
    expect(checked.coverage.seen('createUsers', 200)).toBe(1);
    expect(checked.coverage.seen('getUser', 200)).toBe(1);

    const answer = await checked.fetch(`${app.baseUrl}/users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await token()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'not legal!', password: 'p4ssw0rd' }),
    });
    expect(answer.status).toBe(400); // the sandbox refuses it too, with a documented answer
    // The body is one user or an array of them: each way it fails is named.
    expect(checked.violations.length).toBeGreaterThan(0);
    for (const v of checked.violations) expect(v).toMatchObject({ operation: 'createUsers', status: 0, pointer: expect.stringMatching(/^request:/) });
    expect(checked.violations).toContainEqual(expect.objectContaining({ pointer: 'request:/username', reason: expect.stringContaining('pattern') }));
    expect(checked.report()).toContain('createUsers');
    expect(checked.report()).toContain(`${checked.violations.length} violations:`);
  });

  it('reads boolean query parameters as the client sends them: needReturnRemark=true passes, =yes does not', async () => {
    // openapi-fetch, and the generated rust client and Postman (test:generators), write booleans as true/false.
    const checked = createCheckedFetch({ baseUrl: app.baseUrl, onViolation: 'collect' });
    const easemob = clientWith(checked.fetch);
    await easemob.POST('/users', { body: { username: 'cf_remarks', password: 'p4ssw0rd' } });
    await easemob.GET('/users/{owner_username}/contacts/users', { params: { path: { owner_username: 'cf_remarks' }, query: { needReturnRemark: true } } });
    expect(checked.violations).toEqual([]);
    await checked.fetch(`${app.baseUrl}/users/cf_remarks/contacts/users?needReturnRemark=yes`, { headers: { authorization: `Bearer ${await token()}` } });
    expect(checked.violations).toEqual([expect.objectContaining({ operation: 'listContacts', pointer: 'request:?needReturnRemark', reason: expect.stringContaining('boolean') })]);
  });

  it('lets `{}` through on an operation that takes no body, and reports a body that says something', async () => {
    // Swagger Codegen's python client and the vendor's Node.js example send `{}` on every such call.
    const checked = createCheckedFetch({ baseUrl: app.baseUrl, onViolation: 'collect' });
    const headers = { authorization: `Bearer ${await token()}`, 'content-type': 'application/json' };
    await clientWith(checked.fetch).POST('/users', { body: [{ username: 'cf_empty_a', password: 'p4ssw0rd' }, { username: 'cf_empty_b', password: 'p4ssw0rd' }] });
    expect((await checked.fetch(`${app.baseUrl}/users/cf_empty_a/deactivate`, { method: 'POST', headers, body: '{}' })).status).toBe(200);
    expect((await checked.fetch(`${app.baseUrl}/users/cf_empty_a`, { method: 'DELETE', headers, body: ' { } ' })).status).toBe(200);
    expect(checked.violations).toEqual([]);
    expect((await checked.fetch(`${app.baseUrl}/users/cf_empty_b`, { method: 'DELETE', headers, body: '{"username":"cf_empty_b"}' })).status).toBe(200);
    expect(checked.violations).toEqual([expect.objectContaining({ operation: 'deleteUser', pointer: 'request:', reason: expect.stringContaining('takes no request body') })]);
  });

  it('throws on a bad request before sending it', async () => {
    const sent: string[] = [];
    const spying: typeof fetch = (input, init) => {
      sent.push(input instanceof Request ? input.url : String(input));
      return fetch(input, init);
    };
    const throwing = createCheckedFetch({ baseUrl: app.baseUrl, fetch: spying });
    const error = await throwing
      .fetch(`${app.baseUrl}/users?limit=abc`, { headers: { authorization: `Bearer ${await token()}` } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractViolationError);
    expect((error as ContractViolationError).violations[0]).toMatchObject({ operation: 'listUsers', pointer: 'request:?limit' });
    expect(sent).toEqual([]);
    expect(throwing.violations).toHaveLength(1);
  });

  it('reports an answer that breaks the description, at its JSON pointer', async () => {
    // A server that drops a required field from the user entity.
    const broken: typeof fetch = async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      const answer = await fetch(input, init);
      if (!url.includes('/users/cf_two')) return answer;
      const body = (await answer.json()) as { entities: Array<Record<string, unknown>> };
      delete body.entities[0]!.activated;
      return new Response(JSON.stringify(body), { status: answer.status, headers: answer.headers });
    };
    const checked = createCheckedFetch({ baseUrl: app.baseUrl, onViolation: 'collect', fetch: broken });
    const easemob = clientWith(checked.fetch);
    await easemob.POST('/users', { body: { username: 'cf_two', password: 'p4ssw0rd' } });
    await easemob.GET('/users/{username}', { params: { path: { username: 'cf_two' } } });
    expect(checked.violations.length).toBeGreaterThan(0);
    for (const v of checked.violations) expect(v).toMatchObject({ operation: 'getUser', status: 200, pointer: '/entities/0', reason: expect.stringContaining('activated') });
  });
});
