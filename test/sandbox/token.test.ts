// POST /token and the 401 answers of every other operation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, expectError, getToken, startTestSandbox, type TestSandbox } from './support/sandbox-calls.ts';

let t: TestSandbox;
let clock = Date.UTC(2026, 0, 1);

beforeAll(async () => {
  t = await startTestSandbox({ now: () => clock, apps: [{ org: 'easemob-demo', app: 'chatdemoui' }, { org: 'other-org', app: 'other-app' }] });
});
afterAll(() => t.sandbox.close());

describe('getToken', () => {
  it('gives a random token of at least 128 bits, the default lifetime and the app uuid', async () => {
    const answer = await call(t.app, 'POST', '/token', {
      json: { grant_type: 'client_credentials', client_id: t.app.clientId, client_secret: t.app.clientSecret },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.expires_in).toBe(5184000);
    expect(answer.body.application).toBe(t.app.uuid);
    const token: string = answer.body.access_token;
    expect(token).toMatch(/^YWMt[A-Za-z0-9_-]{32}$/); // 24 random bytes = 192 bits
    expect(await getToken(t.app)).not.toBe(token);
  });

  it('honours ttl', async () => {
    const answer = await call(t.app, 'POST', '/token', {
      json: { grant_type: 'client_credentials', client_id: t.app.clientId, client_secret: t.app.clientSecret, ttl: 60 },
    });
    expect(answer.body.expires_in).toBe(60);
  });

  it.each([
    ['a wrong secret', (id: string, secret: string) => ({ grant_type: 'client_credentials', client_id: id, client_secret: `${secret}x` })],
    ['a wrong client id', (id: string, secret: string) => ({ grant_type: 'client_credentials', client_id: `${id}x`, client_secret: secret })],
    ['a short secret', (id: string) => ({ grant_type: 'client_credentials', client_id: id, client_secret: 'x' })],
    ['an unknown grant type', (id: string, secret: string) => ({ grant_type: 'authorization_code', client_id: id, client_secret: secret })],
  ])('answers 400 invalid_grant for %s', async (_name, makeBody) => {
    const answer = await call(t.app, 'POST', '/token', { json: makeBody(t.app.clientId, t.app.clientSecret) });
    expectError(answer, 400, 'invalid_grant', 'invalid username or password');
  });

  it('answers 400 for missing fields and a bad ttl, never quoting the secret', async () => {
    expectError(await call(t.app, 'POST', '/token', { json: { grant_type: 'client_credentials' } }), 400, 'illegal_argument');
    for (const ttl of [0, -1, 1.5, '60', 2 ** 31]) {
      const answer = await call(t.app, 'POST', '/token', {
        json: { grant_type: 'client_credentials', client_id: t.app.clientId, client_secret: t.app.clientSecret, ttl },
      });
      expectError(answer, 400, 'illegal_argument');
      expect(answer.text).not.toContain(t.app.clientSecret);
    }
  });

  it("does not accept one app's credentials for another", async () => {
    const other = t.sandbox.apps[1]!;
    const answer = await call(other, 'POST', '/token', {
      json: { grant_type: 'client_credentials', client_id: t.app.clientId, client_secret: t.app.clientSecret },
    });
    expectError(answer, 400, 'invalid_grant');
  });
});

describe('tokens on other operations', () => {
  it('answers 401 unauthorized without a token', async () => {
    const answer = await call(t.app, 'GET', '/users/jliu');
    expectError(answer, 401, 'unauthorized', `Subject does not have permission [applications:get:${t.app.uuid}:/users/jliu]`);
    expectError(await call(t.app, 'GET', '/users', { headers: { authorization: 'Basic abc' } }), 401, 'unauthorized');
    expectError(await call(t.app, 'GET', '/users', { headers: { authorization: 'Bearer ' } }), 401, 'unauthorized');
  });

  it('answers 401 auth_bad_access_token for a corrupt token', async () => {
    for (const token of ['abc', 'YWMt', 'YWMt!!!!!!!!!!!!!!!!!!!!!!!!!!!!', 'not a token at all']) {
      expectError(await call(t.app, 'GET', '/users', { token }), 401, 'auth_bad_access_token', 'Unable to authenticate due to corrupt access token');
    }
  });

  it('answers 401 auth_bad_access_token for a well-formed token it did not issue, or issued for another app', async () => {
    expectError(await call(t.app, 'GET', '/users', { token: 'YWMtWY779DgJEeS2h9OR7fw4QgAAAUmO4Qukwd9cfJSpkWHiOa7MCSk0MrkVIco' }), 401, 'auth_bad_access_token', 'Unable to authenticate');
    const otherToken = await getToken(t.sandbox.apps[1]!);
    expectError(await call(t.app, 'GET', '/users', { token: otherToken }), 401, 'auth_bad_access_token', 'Unable to authenticate');
  });

  it('answers 401 expired_token once the token has expired, and a new token works', async () => {
    const token = await getToken(t.app, 60);
    expect((await call(t.app, 'GET', '/users', { token })).status).toBe(200);
    clock += 59_000;
    expect((await call(t.app, 'GET', '/users', { token })).status).toBe(200);
    clock += 1_000;
    expectError(await call(t.app, 'GET', '/users', { token }), 401, 'expired_token', 'Unable to authenticate due to expired access token');
    expect((await call(t.app, 'GET', '/users', { token: await getToken(t.app) })).status).toBe(200);
  });

  it('moves the clock through the control API', async () => {
    const token = await getToken(t.app, 10);
    const moved = await t.control('POST', '/clock', { advance_seconds: 11 });
    expect(moved.status).toBe(200);
    expectError(await call(t.app, 'GET', '/users', { token }), 401, 'expired_token');
    expect((await t.control('POST', '/clock', { advance_seconds: -1 })).status).toBe(400);
  });
});
