// Contacts (add, remove, list) and block lists (add, list, remove).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, startTestSandbox, type TestSandbox } from './support/sandbox-calls.ts';

let t: TestSandbox;

beforeAll(async () => {
  t = await startTestSandbox();
  await t.register('stliu', 'Yantao', '88888', '5cxhactgdj', 'mh2kbjyop1');
});
afterAll(() => t.sandbox.close());

describe('contacts', () => {
  it('adds a contact on both sides, lists, removes', async () => {
    const added = await t.api('POST', '/users/STLIU/contacts/users/yantao');
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({ action: 'post', entities: [{ username: 'Yantao' }] });
    expect((await t.api('POST', '/users/stliu/contacts/users/88888')).status).toBe(200);
    expect((await t.api('POST', '/users/stliu/contacts/users/88888')).status).toBe(200); // again: no error, no duplicate
    expect((await t.api('GET', '/users/stliu/contacts/users')).body.data).toEqual(['Yantao', '88888']);
    expect((await t.api('GET', '/users/yantao/contacts/users')).body.data).toEqual(['stliu']);
    const removed = await t.api('DELETE', '/users/stliu/contacts/users/YANTAO');
    expect(removed.body).toMatchObject({ action: 'delete', entities: [{ username: 'Yantao' }] });
    expect((await t.api('GET', '/users/stliu/contacts/users')).body.data).toEqual(['88888']);
    expect((await t.api('GET', '/users/yantao/contacts/users')).body.data).toEqual([]);
    expectError(await t.api('DELETE', '/users/stliu/contacts/users/yantao'), 404, 'service_resource_not_found');
  });

  it('answers 404 when either user does not exist, 400 for oneself', async () => {
    expectError(await t.api('POST', '/users/stliu/contacts/users/nobody'), 404, 'service_resource_not_found');
    expectError(await t.api('POST', '/users/nobody/contacts/users/stliu'), 404, 'service_resource_not_found');
    expectError(await t.api('DELETE', '/users/nobody/contacts/users/stliu'), 404, 'service_resource_not_found');
    expectError(await t.api('GET', '/users/nobody/contacts/users'), 404, 'service_resource_not_found');
    expectError(await t.api('POST', '/users/stliu/contacts/users/STLIU'), 400, 'illegal_argument');
  });

  it("removes a deleted user from others' contacts", async () => {
    await t.register('shortlived');
    await t.api('POST', '/users/88888/contacts/users/shortlived');
    await t.api('DELETE', '/users/shortlived');
    expect((await t.api('GET', '/users/88888/contacts/users')).body.data).toEqual(['stliu']);
  });
});

describe('blocks', () => {
  it('blocks, lists, unblocks', async () => {
    const added = await t.api('POST', '/users/stliu/blocks/users', { json: { usernames: ['5CXHACTGDJ', 'mh2kbjyop1'] } });
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({ action: 'post', data: ['5cxhactgdj', 'mh2kbjyop1'] });
    expect((await t.api('GET', '/users/stliu/blocks/users')).body.data).toEqual(['5cxhactgdj', 'mh2kbjyop1']);
    expect((await t.api('GET', '/users/5cxhactgdj/blocks/users')).body.data).toEqual([]);
    const removed = await t.api('DELETE', '/users/stliu/blocks/users/5cxhactgdj');
    expect(removed.body).toMatchObject({ action: 'delete', entities: [{ username: '5cxhactgdj' }] });
    expect((await t.api('GET', '/users/stliu/blocks/users')).body.data).toEqual(['mh2kbjyop1']);
    expectError(await t.api('DELETE', '/users/stliu/blocks/users/5cxhactgdj'), 404, 'service_resource_not_found');
  });

  it('blocks nobody when one user named does not exist', async () => {
    expectError(await t.api('POST', '/users/88888/blocks/users', { json: { usernames: ['stliu', 'nobody'] } }), 404, 'service_resource_not_found');
    expect((await t.api('GET', '/users/88888/blocks/users')).body.data).toEqual([]);
    expectError(await t.api('POST', '/users/nobody/blocks/users', { json: { usernames: ['stliu'] } }), 404, 'service_resource_not_found');
    expectError(await t.api('GET', '/users/nobody/blocks/users'), 404, 'service_resource_not_found');
    expectError(await t.api('DELETE', '/users/stliu/blocks/users/nobody'), 404, 'service_resource_not_found');
  });

  it.each([
    [{}],
    [{ usernames: [] }],
    [{ usernames: 'stliu' }],
    [{ usernames: ['bad name'] }],
    [{ usernames: [7] }],
    [{ usernames: Array.from({ length: 51 }, () => 'stliu') }],
    [{ usernames: ['88888'] }],
  ])('answers 400 illegal_argument for %j', async (json) => {
    expectError(await t.api('POST', '/users/88888/blocks/users', { json }), 400, 'illegal_argument');
  });
});
