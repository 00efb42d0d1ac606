// PUT /users/{username}/password and PUT /users/{username} (nickname).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, startTestSandbox, type TestSandbox } from './support/sandbox-calls.ts';

let t: TestSandbox;

beforeAll(async () => {
  t = await startTestSandbox();
  await t.register('jianguo');
});
afterAll(() => t.sandbox.close());

describe('resetPassword', () => {
  it('sets the new password, answering only action, timestamp and duration', async () => {
    expect(await t.sandbox.checkPassword('easemob-demo', 'chatdemoui', 'jianguo', 'pw-jianguo')).toBe(true);
    const answer = await t.api('PUT', '/users/JIANGUO/password', { json: { newpassword: 'n3w-Secret', oldpassword: 'ignored' } });
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body).sort()).toEqual(['action', 'duration', 'timestamp']);
    expect(answer.body.action).toBe('set user password');
    expect(answer.text).not.toContain('n3w-Secret');
    expect(await t.sandbox.checkPassword('easemob-demo', 'chatdemoui', 'jianguo', 'n3w-Secret')).toBe(true);
    expect(await t.sandbox.checkPassword('easemob-demo', 'chatdemoui', 'jianguo', 'pw-jianguo')).toBe(false);
  });

  it.each([[{}], [{ newpassword: '' }], [{ newpassword: null }], [{ password: 'x' }], [[]]])('answers newpassword is required for %j', async (json) => {
    expectError(await t.api('PUT', '/users/jianguo/password', { json }), 400, 'illegal_argument', 'newpassword is required');
  });

  it('answers 400 for a password too long or not a string, 404 for an unknown user', async () => {
    expectError(await t.api('PUT', '/users/jianguo/password', { json: { newpassword: 'x'.repeat(65) } }), 400, 'illegal_argument');
    expectError(await t.api('PUT', '/users/jianguo/password', { json: { newpassword: 5 } }), 400, 'illegal_argument');
    expectError(await t.api('PUT', '/users/nobody/password', { json: { newpassword: 'x' } }), 404, 'service_resource_not_found');
  });
});

describe('updateUser', () => {
  it('sets the nickname and returns the entity', async () => {
    const answer = await t.api('PUT', '/users/jianguo', { json: { nickname: '张建国' } });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ action: 'put', entities: [{ username: 'jianguo', nickname: '张建国' }] });
    expect(answer.body.entities[0].modified).toBeGreaterThanOrEqual(answer.body.entities[0].created);
    expect((await t.api('GET', '/users/jianguo')).body.entities[0].nickname).toBe('张建国');
  });

  it('answers 400 for a missing or too long nickname, 404 for an unknown user', async () => {
    expectError(await t.api('PUT', '/users/jianguo', { json: {} }), 400, 'illegal_argument', 'nickname or a notification setting is required');
    expectError(await t.api('PUT', '/users/jianguo', { json: { nickname: '长'.repeat(101) } }), 400, 'illegal_argument', 'NICKNAME_TOO_LONG');
    expectError(await t.api('PUT', '/users/nobody', { json: { nickname: 'x' } }), 404, 'service_resource_not_found');
  });
});
