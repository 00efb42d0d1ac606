// POST /users: registration modes, batches, the username rules, and letter case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, expectError, getToken, startTestSandbox, type TestSandbox } from './support/sandbox-calls.ts';

let t: TestSandbox;

beforeAll(async () => {
  t = await startTestSandbox({ apps: [{ org: 'easemob-demo', app: 'chatdemoui' }, { org: 'open-org', app: 'open-app', openRegistration: true }] });
});
afterAll(() => t.sandbox.close());

describe('registration modes', () => {
  it('needs the token in authorized mode (the default)', async () => {
    const answer = await call(t.app, 'POST', '/users', { json: { username: 'nobody', password: 'secret1' } });
    expectError(answer, 401, 'unauthorized', 'registration is not open, please contact the app admin');
    expectError(await t.api('GET', '/users/nobody'), 404, 'service_resource_not_found');
  });

  it('needs no token in open mode, but rejects a bad one', async () => {
    const open = t.sandbox.apps[1]!;
    const answer = await call(open, 'POST', '/users', { json: { username: 'walkin', password: 'secret1' } });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.entities[0].username).toBe('walkin');
    expectError(await call(open, 'POST', '/users', { token: 'YWMtAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', json: { username: 'w2', password: 'x' } }), 401, 'auth_bad_access_token');
    expect((await call(open, 'POST', '/users', { token: await getToken(open), json: { username: 'w3', password: 'x' } })).status).toBe(200);
  });

  it('switches mode through the control API', async () => {
    expect((await t.control('PUT', '/easemob-demo/chatdemoui/registration', { open: true })).status).toBe(200);
    expect((await call(t.app, 'POST', '/users', { json: { username: 'opened', password: 'x' } })).status).toBe(200);
    expect((await t.control('PUT', '/easemob-demo/chatdemoui/registration', { open: false })).status).toBe(200);
    expectError(await call(t.app, 'POST', '/users', { json: { username: 'closed', password: 'x' } }), 401, 'unauthorized');
    expect((await t.control('PUT', '/easemob-demo/nosuch/registration', { open: true })).status).toBe(404);
  });
});

describe('one user', () => {
  it('creates the user, keeps the case it was registered with, never returns the password', async () => {
    const answer = await t.api('POST', '/users', { json: { username: 'JLiu', password: 'p@ss-word-1', nickname: '建国' } });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ action: 'post', application: t.app.uuid, path: '/users', organization: 'easemob-demo', applicationName: 'chatdemoui' });
    expect(answer.body.entities).toHaveLength(1);
    expect(answer.body.entities[0]).toMatchObject({ type: 'user', username: 'JLiu', activated: true, nickname: '建国' });
    expect(answer.text).not.toContain('p@ss-word-1');
    expect(answer.text).not.toMatch(/password|scrypt/);
    for (const spelling of ['jliu', 'JLIU', 'jLiU']) {
      const found = await t.api('GET', `/users/${spelling}`);
      expect(found.status).toBe(200);
      expect(found.body.entities[0].username).toBe('JLiu');
    }
  });

  it('answers duplicate_unique_property_exists for a name taken in any letter case', async () => {
    for (const spelling of ['JLiu', 'jliu', 'JLIU']) {
      const answer = await t.api('POST', '/users', { json: { username: spelling, password: 'x' } });
      expectError(answer, 400, 'duplicate_unique_property_exists', `Application ${t.app.uuid} Entity user requires that property named username be unique, value of ${spelling} exists`);
    }
  });

  it('ignores unknown properties', async () => {
    const answer = await t.api('POST', '/users', { json: { username: 'extra', password: 'x', age: 3, oldpassword: 'y' } });
    expect(answer.status).toBe(200);
    expect(answer.body.entities[0]).not.toHaveProperty('age');
  });

  it.each([
    [{ password: 'x' }, 'Entity user requires a property named username'],
    [{ username: '', password: 'x' }, 'Entity user requires a property named username'],
    [{ username: null, password: 'x' }, 'Entity user requires a property named username'],
    [{ username: 'jliu@example.com', password: 'x' }, 'username [jliu@example.com] is not legal'],
    [{ username: '张三', password: 'x' }, 'username [张三] is not legal'],
    [{ username: 'a b', password: 'x' }, 'username [a b] is not legal'],
    [{ username: 42, password: 'x' }, 'username [42] is not legal'],
    [{ username: 'a'.repeat(65), password: 'x' }, 'USERNAME_TOO_LONG'],
    [{ username: 'nopw' }, 'password or pin must provided'],
    [{ username: 'nopw', password: '' }, 'password or pin must provided'],
    [{ username: 'nopw', password: 123456 }, 'password or pin must provided'],
    [{ username: 'nopw', password: 'x'.repeat(65) }, 'PASSWORD_TOO_LONG'],
    [{ username: 'nick', password: 'x', nickname: 'n'.repeat(101) }, 'NICKNAME_TOO_LONG'],
    [{ username: 'nick', password: 'x', nickname: 7 }, 'nickname must be a string'],
    ['just a string', 'Entity user requires a property named username'],
    [null, 'Entity user requires a property named username'],
    [[], /^a batch registers 1 to 60 users/],
    [[{ username: 'ok1', password: 'x' }, { username: 'bad name', password: 'x' }], 'username [bad name] is not legal'],
  ])('answers 400 illegal_argument for %j', async (json, description) => {
    expectError(await t.api('POST', '/users', { json }), 400, 'illegal_argument', description);
  });

  it('accepts the longest names and values', async () => {
    const answer = await t.api('POST', '/users', { json: { username: 'a'.repeat(64), password: 'p'.repeat(64), nickname: 'n'.repeat(100) } });
    expect(answer.status, answer.text).toBe(200);
    expect((await t.api('POST', '/users', { json: { username: 'a._-Z9', password: 'x' } })).status).toBe(200);
  });
});

describe('batches', () => {
  it('creates every user of a batch of up to 60', async () => {
    const batch = Array.from({ length: 60 }, (_, i) => ({ username: `batch${i}`, password: `p${i}` }));
    const answer = await t.api('POST', '/users', { json: batch });
    expect(answer.status).toBe(200);
    expect(answer.body.entities.map((u: { username: string }) => u.username)).toEqual(batch.map((u) => u.username));
    expect(answer.body).not.toHaveProperty('data');
  });

  it('refuses 61', async () => {
    const batch = Array.from({ length: 61 }, (_, i) => ({ username: `big${i}`, password: 'x' }));
    expectError(await t.api('POST', '/users', { json: batch }), 400, 'illegal_argument');
    expectError(await t.api('GET', '/users/big0'), 404, 'service_resource_not_found');
  });

  it('creates the others and lists those that exist (in any case, or twice in the batch) in data', async () => {
    const answer = await t.api('POST', '/users', {
      json: [
        { username: 'fresh1', password: 'x' },
        { username: 'BATCH0', password: 'x' },
        { username: 'fresh2', password: 'x' },
        { username: 'FRESH1', password: 'x' },
      ],
    });
    expect(answer.status).toBe(200);
    expect(answer.body.entities.map((u: { username: string }) => u.username)).toEqual(['fresh1', 'fresh2']);
    expect(answer.body.data).toEqual([
      { username: 'BATCH0', registerUserFailReason: 'the user BATCH0 already exists' },
      { username: 'FRESH1', registerUserFailReason: 'the user FRESH1 already exists' },
    ]);
  });
});
