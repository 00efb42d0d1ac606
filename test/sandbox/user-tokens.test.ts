// POST /token with grant_type password and inherit (user login), and what a user token may do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDescription, SchemaValidators } from '../../src/contract/description.ts';
import { call, expectError, startTestSandbox, type CallOptions, type TestSandbox } from './support/sandbox-calls.ts';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

let t: TestSandbox;
const passwordGrantSchema = new SchemaValidators(loadDescription()).at('#/components/schemas/PasswordGrantRequest');
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

  // The service ignores `timestamp` whatever it holds; the description must not promise a
  // refusal (Schemathesis reported 2^53 accepted while the schema bounded it to 2^53 - 1).
  it.each([[2 ** 53], [-1], [1.5], ['yesterday'], [null], [{ ms: 1 }]])('ignores a timestamp of %j, and the description takes it too', async (timestamp) => {
    const body = { grant_type: 'password', username: 'alice', password: 'pw-alice', timestamp };
    expect((await call(t.app, 'POST', '/token', { json: body })).status).toBe(200);
    expect(passwordGrantSchema(body), JSON.stringify(passwordGrantSchema.errors)).toBe(true);
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

  // What the vendor's web SDK does with the user's token (easemob-websdk 4.21.1; the function in
  // each comment), which test/vendor-sdks runs for real in a browser.
  it('lists, pages through and removes its contacts, sets remarks, lists its blocks and devices, sets its attributes, reads anyone\'s', async () => {
    await t.register('gina', 'hana');
    await t.api('POST', '/users/gina/contacts/users/hana');
    await t.api('POST', '/users/gina/contacts/users/alice');
    await t.api('POST', '/users/gina/blocks/users', { json: { usernames: ['bob'] } });
    await t.api('PUT', '/metadata/user/hana', { raw: 'nickname=Dee', headers: FORM });
    expect((await t.control('POST', `/${t.app.org}/${t.app.app}/users/gina/devices`, { res: 'ios_7' })).status).toBe(201);
    const token = (await login('gina', 'pw-gina')).body.access_token as string;
    const as = (method: string, path: string, init: CallOptions = {}) => call(t.app, method, path, { token, ...init });
    // getContacts, getAllContacts
    // The test's clock stands still: both contacts were added at the same instant.
    expect((await as('GET', '/users/gina/contacts/users')).body.data).toEqual(['alice', 'hana']);
    // setContactRemark (on /users/), then getAllContacts with needReturnRemark
    expect((await as('PUT', '/users/gina/contacts/users/hana', { json: { remark: 'D' } })).status).toBe(200);
    expect((await as('GET', '/users/gina/contacts/users?needReturnRemark=true')).body.entities).toEqual([
      { username: 'alice', remark: null },
      { username: 'hana', remark: 'D' },
    ]);
    // getContactsWithCursor: an empty cursor is the first page
    expect((await as('GET', '/users/gina/contacts?needReturnRemark=true&limit=20&cursor=')).body.data.contacts).toEqual([
      { remark: 'D', username: 'hana' },
      { remark: null, username: 'alice' },
    ]);
    // deleteContact
    expect((await as('DELETE', '/users/gina/contacts/users/alice')).status).toBe(200);
    // getBlocklist, getSelfIdsOnOtherPlatform
    expect((await as('GET', '/users/gina/blocks/users')).body.data).toEqual(['bob']);
    expect((await as('GET', '/users/gina/resources')).body.data.map((d: { res: string }) => d.res)).toEqual(['ios_7']);
    // updateOwnUserInfo (a form), fetchUserInfoById (other users too)
    expect((await as('PUT', '/metadata/user/gina', { raw: 'nickname=Gee', headers: FORM })).status).toBe(200);
    const read = await as('POST', '/metadata/user/get', { json: { targets: ['gina', 'hana'], properties: ['nickname'] } });
    expect(read.body.data).toEqual({ gina: { nickname: 'Gee' }, hana: { nickname: 'Dee' } });
  });

  it("answers 401 unauthorized (Subject does not have permission) on admin operations and on other users' entities", async () => {
    const token = (await login('alice', 'pw-alice')).body.access_token as string;
    const denied = [
      ['GET', '/users'],
      ['GET', '/users/bob'],
      ['PUT', '/users/bob'],
      ['DELETE', '/users/alice'],
      ['POST', '/users'],
      ['PUT', '/users/alice/password'],
      ['POST', '/users/bob/deactivate'],
      // Its own contacts and blocks: the web SDK reads and removes, and never adds over REST.
      ['POST', '/users/alice/contacts/users/bob'],
      ['POST', '/users/alice/blocks/users'],
      ['DELETE', '/users/alice/blocks/users/bob'],
      ['GET', '/metadata/user/alice'],
      ['DELETE', '/metadata/user/alice'],
      // Other users' contacts, blocks, devices and attributes.
      ['GET', '/users/bob/contacts/users'],
      ['GET', '/user/bob/contacts'],
      ['DELETE', '/users/bob/contacts/users/alice'],
      ['PUT', '/users/bob/contacts/users/alice'],
      ['GET', '/users/bob/blocks/users'],
      ['GET', '/users/bob/resources'],
      ['PUT', '/metadata/user/bob'],
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
