// User attributes: PUT (form-encoded only, ≤ 2 KB a user), GET, DELETE /metadata/user/{u},
// POST /metadata/user/get, GET /metadata/user/capacity.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, startTestSandbox, type TestSandbox } from './support/sandbox-calls.ts';

let t: TestSandbox;
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const put = (name: string, fields: Record<string, string>) =>
  t.api('PUT', `/metadata/user/${name}`, { raw: new URLSearchParams(fields).toString(), headers: FORM });
const attributesOf = async (name: string) => (await t.api('GET', `/metadata/user/${name}`)).body.data;

beforeAll(async () => {
  t = await startTestSandbox();
  await t.register('ua1', 'ua2', 'ua3');
});
afterAll(() => t.sandbox.close());

describe('user attributes', () => {
  it('sets form-encoded pairs, merges later ones, and reads them back', async () => {
    const set = await put('ua1', { avatarurl: 'https://www.easemob.com/avatar.png', ext: 'ext', nickname: '昵称' });
    expect(set.status, set.text).toBe(200);
    expect(set.body.data).toEqual({ avatarurl: 'https://www.easemob.com/avatar.png', ext: 'ext', nickname: '昵称' });
    expect((await put('UA1', { nickname: 'after', gender: '1' })).body.data).toEqual({ nickname: 'after', gender: '1' });
    expect(await attributesOf('ua1')).toEqual({ avatarurl: 'https://www.easemob.com/avatar.png', ext: 'ext', gender: '1', nickname: 'after' });
  });

  it('answers {} for users without attributes and users that do not exist; 400 for impossible names', async () => {
    expect(await attributesOf('ua3')).toEqual({});
    expect(await attributesOf('nobody')).toEqual({});
    expectError(await t.api('GET', '/metadata/user/a%20b'), 400, 'illegal_argument');
  });

  it('refuses JSON (415), over 2 KB a user (403), empty bodies and unknown users, storing nothing', async () => {
    expectError(await t.api('PUT', '/metadata/user/ua2', { json: { nickname: 'json' } }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectError(await t.api('PUT', '/metadata/user/ua2', { raw: 'nickname=x', headers: { 'content-type': 'text/plain' } }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect((await put('ua2', { ext: 'x'.repeat(2045) })).status).toBe(200); // 3 + 2045 = 2048 bytes
    expectError(await put('ua2', { a: 'b' }), 403, 'FORBIDDEN', 'size of metadata for this single user exceeds the user defined limit, 2048Bytes');
    expectError(await put('ua3', { ext: '长'.repeat(700) }), 403, 'FORBIDDEN');
    expectError(await t.api('PUT', '/metadata/user/ua3', { raw: '', headers: FORM }), 400, 'illegal_argument');
    expectError(await put('nobody', { a: 'b' }), 404, 'service_resource_not_found');
    expect(await attributesOf('ua2')).toEqual({ ext: 'x'.repeat(2045) });
    expect(await attributesOf('ua3')).toEqual({});
  });

  it('reads chosen attributes of many users, leaving out the ones without', async () => {
    const answer = await t.api('POST', '/metadata/user/get', { json: { targets: ['ua1', 'ua2', 'ua3', 'nobody'], properties: ['nickname', 'ext'] } });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.data).toEqual({ ua1: { ext: 'ext', nickname: 'after' }, ua2: { ext: 'x'.repeat(2045) } });
    const over = Array.from({ length: 101 }, (_, i) => `t${i}`);
    expectError(await t.api('POST', '/metadata/user/get', { json: { targets: over, properties: ['ext'] } }), 400, 'illegal_argument');
    expectError(await t.api('POST', '/metadata/user/get', { json: { targets: ['ua1'] } }), 400, 'illegal_argument');
  });

  it('counts the app\'s bytes, and deletes (true also when there is nothing to delete)', async () => {
    const before = (await t.api('GET', '/metadata/user/capacity')).body.data;
    // ua1: avatarurl(9)+34, ext(3)+3, gender(6)+1, nickname(8)+5; ua2: 3 + 2045
    expect(before).toBe(9 + 34 + 3 + 3 + 6 + 1 + 8 + 5 + 3 + 2045);
    expect((await t.api('DELETE', '/metadata/user/ua2')).body.data).toBe(true);
    expect(await attributesOf('ua2')).toEqual({});
    expect((await t.api('GET', '/metadata/user/capacity')).body.data).toBe(before - 2048);
    expect((await t.api('DELETE', '/metadata/user/nobody')).body.data).toBe(true);
    // A user named "capacity" is shadowed by the capacity path, as at the service.
    expect(typeof (await t.api('GET', '/metadata/user/capacity')).body.data).toBe('number');
  });

  it('goes with its user', async () => {
    await t.api('DELETE', '/users/ua1');
    await t.register('ua1');
    expect(await attributesOf('ua1')).toEqual({});
  });

  it('keeps names JavaScript gives a meaning to, as attribute names and as the username they are read by', async () => {
    // Built from JSON: an object literal's `__proto__:` would set the prototype, not a key.
    const names = JSON.parse('{"__proto__":"p","constructor":"c","toString":"t"}') as Record<string, string>;
    await t.register('__proto__');
    const set = await t.api('PUT', '/metadata/user/__proto__', { raw: '__proto__=p&constructor=c&toString=t', headers: FORM });
    expect(set.status, set.text).toBe(200);
    expect(set.body.data).toEqual(names);
    expect(await attributesOf('__proto__')).toEqual(names);
    const many = await t.api('POST', '/metadata/user/get', { json: { targets: ['__proto__', 'nobody'], properties: ['__proto__', 'toString'] } });
    expect(many.status, many.text).toBe(200);
    expect(many.body.data).toEqual(JSON.parse('{"__proto__":{"__proto__":"p","toString":"t"}}'));
  });
});
