// POST /token with grant_type password and inherit (user login), and what a user token may do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, expectError, startTestSandbox, type TestSandbox } from './support/sandbox-calls.ts';

let t: TestSandbox;
let clock = Date.UTC(2026, 0, 1);

beforeAll(async () => {
  t = await startTestSandbox({ now: () => clock });
  await t.register('alice', 'bob');
});
afterAll(() => t.sandbox.close());

const login = (username: string, password: string, extra: Record<string, unknown> = {}) =>
  call(t.app, 'POST', '/token', { json: { grant_type: 'password', username, password, ...extra } });
/** `token` null: no Authorization header. */
const inherit = (body: Record<string, unknown>, token: string | null = t.token) =>
  call(t.app, 'POST', '/token', { json: { grant_type: 'inherit', ...body }, ...(token !== null ? { token } : {}) });

describe('password grant', () => {
  it("gives the user a token, its lifetime and the user's entity; the web SDK's timestamp is ignored", async () => {
    const answer = await login('alice', 'pw-alice', { timestamp: Date.now() });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.access_token).toMatch(/^YWMt[A-Za-z0-9_-]{32,}$/);
    expect(answer.body.expires_in).toBeGreaterThan(0);
    expect(answer.body.user).toMatchObject({ type: 'user', username: 'alice', activated: true });
    expect(answer.text).not.toContain('pw-alice');
  });

  it('honours ttl, and the token expires', async () => {
    const answer = await login('alice', 'pw-alice', { ttl: 60 });
    expect(answer.body.expires_in).toBe(60);
    const token = answer.body.access_token as string;
    expect((await call(t.app, 'GET', '/users/alice', { token })).status).toBe(200);
    clock += 61_000;
    expectError(await call(t.app, 'GET', '/users/alice', { token }), 401, 'expired_token');
  });

  it('looks the user up without regard to letter case', async () => {
    expect((await login('ALICE', 'pw-alice')).status).toBe(200);
  });

  it('answers 400 invalid_grant for a wrong password, 404 for an unknown user', async () => {
    expectError(await login('alice', 'wrong'), 400, 'invalid_grant', 'invalid password');
    expectError(await login('nobody', 'whatever'), 404, 'invalid_grant', 'user not found');
  });

  it.each([
    ['no username', { grant_type: 'password', password: 'x' }],
    ['no password', { grant_type: 'password', username: 'alice' }],
    ['an empty password', { grant_type: 'password', username: 'alice', password: '' }],
    ['a username of the wrong type', { grant_type: 'password', username: 42, password: 'x' }],
    ['a bad ttl', { grant_type: 'password', username: 'alice', password: 'pw-alice', ttl: 'long' }],
  ])('answers 400 illegal_argument for %s', async (_name, json) => {
    expectError(await call(t.app, 'POST', '/token', { json }), 400, 'illegal_argument');
  });

  it('refuses a deactivated user, and a reactivated one logs in again', async () => {
    await t.register('carol');
    expect((await t.api('POST', '/users/carol/deactivate')).status).toBe(200);
    expectError(await login('carol', 'pw-carol'), 400, 'invalid_grant', 'user not activated');
    expect((await t.api('POST', '/users/carol/activate')).status).toBe(200);
    expect((await login('carol', 'pw-carol')).status).toBe(200);
  });
});

describe('inherit grant', () => {
  it('gives a token for a known user to a caller holding the app token', async () => {
    const answer = await inherit({ username: 'bob', autoCreateUser: false, ttl: 120 });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.expires_in).toBe(120);
    expect(answer.body.user.username).toBe('bob');
  });

  it('registers an unknown user first with autoCreateUser: true, else answers 404', async () => {
    expectError(await inherit({ username: 'dave' }), 404, 'invalid_grant', 'user not found');
    expect((await t.api('GET', '/users/dave')).status).toBe(404);
    const answer = await inherit({ username: 'dave', autoCreateUser: true });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.user.username).toBe('dave');
    expect((await t.api('GET', '/users/dave')).body.entities[0].uuid).toBe(answer.body.user.uuid);
  });

  it('answers 400 illegal_argument for a bad username with autoCreateUser, creating nobody', async () => {
    expectError(await inherit({ username: 'no spaces', autoCreateUser: true }), 400, 'illegal_argument');
    expectError(await inherit({ autoCreateUser: true }), 400, 'illegal_argument');
    expectError(await inherit({ username: 'erin', autoCreateUser: 'yes' }), 400, 'illegal_argument');
    expect((await t.api('GET', '/users/erin')).status).toBe(404);
  });

  it('needs the app token: none, a corrupt one or a user token answers 401', async () => {
    expectError(await inherit({ username: 'bob' }, null), 401, 'unauthorized');
    expectError(await inherit({ username: 'bob' }, 'garbage!'), 401, 'auth_bad_access_token');
    const userToken = (await login('bob', 'pw-bob')).body.access_token as string;
    expectError(await inherit({ username: 'alice' }, userToken), 401, 'unauthorized');
  });
});

describe('what a user token may do', () => {
  it('reads and updates its own entity, in any letter case', async () => {
    const token = (await login('alice', 'pw-alice')).body.access_token as string;
    expect((await call(t.app, 'GET', '/users/Alice', { token })).status).toBe(200);
    const answer = await call(t.app, 'PUT', '/users/alice', { token, json: { nickname: 'Al' } });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.entities[0].nickname).toBe('Al');
  });

  it("answers 401 unauthorized (Subject does not have permission) on admin operations and on other users' entities", async () => {
    const token = (await login('alice', 'pw-alice')).body.access_token as string;
    const denied = [
      ['GET', '/users'],
      ['GET', '/users/bob'],
      ['PUT', '/users/bob'],
      ['DELETE', '/users/alice'],
      ['POST', '/users'],
      ['GET', '/users/alice/contacts/users'],
      ['PUT', '/users/alice/password'],
      ['POST', '/users/bob/deactivate'],
    ] as const;
    for (const [method, path] of denied) {
      const json = { nickname: 'x', newpassword: 'x', username: 'x', password: 'x' };
      const answer = await call(t.app, method, path, { token, ...(method === 'GET' ? {} : { json }) });
      expectError(answer, 401, 'unauthorized', new RegExp(`^Subject does not have permission \\[applications:${method.toLowerCase()}:${t.app.uuid}:`));
    }
    expect((await t.api('GET', '/users/bob')).body.entities[0].nickname).toBeUndefined();
    expect((await t.api('GET', '/users/alice')).status).toBe(200);
  });

  it("is revoked by a password reset, which also takes the user offline, and by deactivation", async () => {
    await t.register('frank');
    const token = (await login('frank', 'pw-frank')).body.access_token as string;
    await t.control('PUT', '/easemob-demo/chatdemoui/users/frank/online', { online: true });
    expect((await t.api('GET', '/users/frank/status')).body.data).toEqual({ frank: 'online' });
    expect((await t.api('PUT', '/users/frank/password', { json: { newpassword: 'new-pw' } })).status).toBe(200);
    expectError(await call(t.app, 'GET', '/users/frank', { token }), 401, 'auth_bad_access_token');
    expect((await t.api('GET', '/users/frank/status')).body.data).toEqual({ frank: 'offline' });
    expect((await t.api('GET', '/users/bob')).status).toBe(200);

    const second = (await login('frank', 'new-pw')).body.access_token as string;
    expect((await t.api('POST', '/users/frank/deactivate')).status).toBe(200);
    expectError(await call(t.app, 'GET', '/users/frank', { token: second }), 401, 'auth_bad_access_token');
  });
});
