// The rate limit, and bad input: broken JSON, unknown apps, big bodies, unknown routes. Bad input
// never gets a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.ts';
import { call, expectError, getToken, startTestSandbox, type TestSandbox } from './support/sandbox-calls.ts';

describe('rate limit', () => {
  let clock = 1_800_000_000_000;
  let limited503: Sandbox;
  let limited429: Sandbox;
  beforeAll(async () => {
    limited503 = await startSandbox({ host: '127.0.0.1', port: 0, now: () => clock });
    limited429 = await startSandbox({ host: '127.0.0.1', port: 0, now: () => clock, rateLimit: 5, rateLimitStatus: 429 });
  });
  afterAll(async () => {
    await limited503.close();
    await limited429.close();
  });

  it('allows 30 requests a second per IP, then answers 503 reach_limit with Retry-After', async () => {
    const app = limited503.apps[0]!;
    const token = await getToken(app);
    for (let i = 1; i < 30; i++) expect((await call(app, 'GET', '/users', { token })).status).toBe(200);
    const over = await call(app, 'GET', '/users', { token });
    expectError(over, 503, 'reach_limit', 'This request has reached api limit');
    expect(over.headers.get('retry-after')).toBe('1');
    expectError(await call(app, 'POST', '/token', { json: {} }), 503, 'reach_limit');
    // Neither the control API nor the docs count, nor are they refused.
    expect((await fetch(`${limited503.url}/openapi.json`)).status).toBe(200);
    expect((await fetch(`${limited503.url}/_sandbox/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"advance_seconds":0}' })).status).toBe(200);
    clock += 1000;
    expect((await call(app, 'GET', '/users', { token })).status).toBe(200);
  });

  it('answers 429 when told to, at the limit it was given', async () => {
    const app = limited429.apps[0]!;
    const token = await getToken(app);
    for (let i = 1; i < 5; i++) expect((await call(app, 'GET', '/users', { token })).status).toBe(200);
    const over = await call(app, 'GET', '/users/x', { token });
    expectError(over, 429, 'reach_limit');
    expect(over.headers.get('retry-after')).toBe('1');
  });

  it('can be turned off', async () => {
    const t = await startTestSandbox({ now: () => clock, rateLimit: 'off' });
    try {
      for (let i = 0; i < 100; i++) expect((await t.api('GET', '/users')).status).toBe(200);
    } finally {
      await t.sandbox.close();
    }
  });
});

describe('bad input', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox();
    await t.register('jliu');
  });
  afterAll(() => t.sandbox.close());

  it('answers 400 json_parse for a body that is not JSON, without quoting it', async () => {
    const broken = '{"username": "x", "password": "hunter2-secret",}';
    const answer = await t.api('POST', '/users', { raw: broken });
    expectError(answer, 400, 'json_parse');
    expect(answer.text).not.toContain('hunter2');
    expectError(await t.api('PUT', '/users/jliu', { raw: '{nickname:' }), 400, 'json_parse');
    expectError(await t.api('PUT', '/users/jliu/password', { raw: '' }), 400, 'json_parse', 'No content to map due to end-of-input');
    expectError(await call(t.app, 'POST', '/token', { raw: `{"client_secret": "${t.app.clientSecret}"` }), 400, 'json_parse');
  });

  it('answers 400 organization_application_not_found for an unknown org or app', async () => {
    const ghost = { ...t.app, baseUrl: `${t.sandbox.url}/easemob-demo/nosuchapp` };
    expectError(
      await call(ghost, 'GET', '/users/jliu', { token: t.token }),
      400,
      'organization_application_not_found',
      'Could not find application for easemob-demo/nosuchapp from URI: easemob-demo/nosuchapp/users/jliu',
    );
    expectError(await call(ghost, 'POST', '/token', { json: {} }), 400, 'organization_application_not_found');
    expectError(await call(ghost, 'POST', '/users', { json: { username: 'a', password: 'b' } }), 400, 'organization_application_not_found');
  });

  it('answers 413 for bodies over 1 MiB, and accepts one just under', async () => {
    const big = JSON.stringify({ username: 'big', password: 'x', padding: 'x'.repeat(1024 * 1024) });
    expectError(await t.api('POST', '/users', { raw: big }), 413, 'request_entity_too_large');
    expectError(await t.api('PUT', '/users/jliu', { raw: big }), 413, 'request_entity_too_large');
    expectError(await call(t.app, 'POST', '/token', { raw: big }), 413, 'request_entity_too_large');
    const justUnder = JSON.stringify({ username: 'under', password: 'x', padding: 'x'.repeat(1024 * 1024 - 100) });
    expect((await t.api('POST', '/users', { raw: justUnder })).status).toBe(200);
    // A body sent to an operation that takes none is ignored.
    expect((await t.api('POST', '/users/jliu/activate', { raw: 'not json', headers: { 'content-type': 'text/plain' } })).status).toBe(200);
  });

  it('answers JSON 404 for unknown routes and 405 for unsupported methods', async () => {
    const unknown = await fetch(`${t.app.baseUrl}/chatgroups`, { headers: { authorization: `Bearer ${t.token}` } });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: 'web_application' });
    const noApp = await fetch(`${t.sandbox.url}/just-one-segment`);
    expect(noApp.status).toBe(404);
    const patch = await fetch(`${t.app.baseUrl}/users/jliu`, { method: 'PATCH', headers: { authorization: `Bearer ${t.token}` } });
    expect(patch.status).toBe(405);
    expect(patch.headers.get('allow')).toBe('GET, PUT, DELETE');
    expect(await patch.json()).toMatchObject({ error: 'unsupported_service_operation' });
  });

  it('never answers 500 to odd paths', async () => {
    for (const path of ['/users/%zz', '/users/%E0%A4%A', `/users/${'a'.repeat(5000)}`, '/users/a/contacts/users/%', '/users//status', '/users/jliu/offline_msg_status/%00']) {
      const response = await fetch(`${t.app.baseUrl}${path}`, { headers: { authorization: `Bearer ${t.token}` } });
      expect(response.status, path).toBeLessThan(500);
      expect(typeof ((await response.json()) as { error: string }).error).toBe('string');
    }
  });

  it('never answers 500 to any JSON body on any operation that takes one', async () => {
    const targets: Array<[string, string]> = [
      ['POST', '/users'],
      ['PUT', '/users/jliu'],
      ['PUT', '/users/jliu/password'],
      ['POST', '/users/jliu/blocks/users'],
      ['POST', '/token'],
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), fc.jsonValue(), async ([method, path], json) => {
        const answer = await t.api(method, path, { json });
        expect(answer.status, answer.text).toBeLessThan(500);
        expect([200, 400, 404]).toContain(answer.status);
      }),
      { numRuns: 150 },
    );
  });
});
