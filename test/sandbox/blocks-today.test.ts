// The block-list operations of the later docs: the paged block list (GET
// /users/{u}/blocks/users?pageSize=&cursor=, newest first) and POST /blocks/check (checkBlocks).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEasemobClient, paginate } from '../../src/client/index.ts';
import { expectError, startTestSandbox, type TestSandbox } from './support/sandbox-calls.ts';

let t: TestSandbox;

beforeAll(async () => {
  t = await startTestSandbox({ now: (() => { let n = 1_700_000_000_000; return () => (n += 1000); })() });
  await t.register('owner1', 'b1', 'b2', 'b3', 'b4', 'b5', 'clean', 'banned');
  // Blocked one at a time (the clock moves between calls), so newest first is b5 … b1.
  for (const name of ['b1', 'b2', 'b3', 'b4', 'b5']) {
    expect((await t.api('POST', '/users/owner1/blocks/users', { json: { usernames: [name] } })).status).toBe(200);
  }
});
afterAll(() => t.sandbox.close());

describe('the paged block list', () => {
  it('without pageSize or cursor answers the whole list, as in 2015', async () => {
    const all = await t.api('GET', '/users/owner1/blocks/users');
    expect(all.body.data).toEqual(['b1', 'b2', 'b3', 'b4', 'b5']);
    expect(all.body.cursor).toBeUndefined();
  });

  it('pages newest first with a cursor until the last page', async () => {
    const first = await t.api('GET', '/users/owner1/blocks/users?pageSize=2');
    expect(first.body).toMatchObject({ data: ['b5', 'b4'], count: 2, params: { pageSize: ['2'] } });
    const second = await t.api('GET', `/users/owner1/blocks/users?pageSize=2&cursor=${first.body.cursor}`);
    expect(second.body).toMatchObject({ data: ['b3', 'b2'], count: 2 });
    const last = await t.api('GET', `/users/owner1/blocks/users?pageSize=2&cursor=${second.body.cursor}`);
    expect(last.body).toMatchObject({ data: ['b1'], count: 1 });
    expect(last.body.cursor).toBeUndefined();
    // An empty cursor is the first page, as on the contact pages (the web SDK sends one there).
    expect((await t.api('GET', '/users/owner1/blocks/users?pageSize=2&cursor=')).body).toMatchObject({ data: ['b5', 'b4'], cursor: first.body.cursor });
  });

  it('keeps its place when a block on an earlier page is removed', async () => {
    const first = await t.api('GET', '/users/owner1/blocks/users?pageSize=2');
    await t.api('DELETE', '/users/owner1/blocks/users/b5');
    const second = await t.api('GET', `/users/owner1/blocks/users?pageSize=2&cursor=${first.body.cursor}`);
    expect(second.body.data).toEqual(['b3', 'b2']);
    await t.api('POST', '/users/owner1/blocks/users', { json: { usernames: ['b5'] } });
  });

  it('is walked by the client\'s paginate', async () => {
    const client = createEasemobClient({ baseUrl: t.app.baseUrl, token: t.token });
    const names: string[] = [];
    for await (const page of paginate(client, '/users/{owner_username}/blocks/users', {
      params: { path: { owner_username: 'owner1' }, query: { pageSize: 2 } },
    })) names.push(...page.data);
    expect(names).toEqual(['b5', 'b4', 'b3', 'b2', 'b1']);
  });

  it('refuses pageSize outside 1..50 and cursors it did not make; 404 for unknown owners', async () => {
    for (const size of ['0', '51', 'x', '-1']) {
      expectError(await t.api('GET', `/users/owner1/blocks/users?pageSize=${size}`), 400, 'illegal_argument');
    }
    expectError(await t.api('GET', '/users/owner1/blocks/users?cursor=bm90LWEtY3Vyc29y'), 400, 'illegal_argument');
    expectError(await t.api('GET', '/users/owner1/blocks/users?pageSize=2&cursor=a%20b'), 400, 'illegal_argument');
    expectError(await t.api('GET', '/users/nobody/blocks/users?pageSize=2'), 404, 'service_resource_not_found');
  });
});

describe('checkBlocks', () => {
  it('answers blacklist or not_blacklist per name, in order; unknown names are not_blacklist', async () => {
    const answer = await t.api('POST', '/blocks/check', { json: { username: 'OWNER1', check_list: ['b2', 'clean', 'B3', 'nobody'] } });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.entities).toEqual([
      { username: 'b2', relation: 'blacklist' },
      { username: 'clean', relation: 'not_blacklist' },
      { username: 'B3', relation: 'blacklist' },
      { username: 'nobody', relation: 'not_blacklist' },
    ]);
  });

  it('refuses a blank owner, an empty or over-100 list, bad names; 404 for an unknown owner, 403 for a banned one', async () => {
    const hundredOne = Array.from({ length: 101 }, (_, i) => `n${i}`);
    expectError(await t.api('POST', '/blocks/check', { json: { check_list: ['b1'] } }), 400, 'illegal_argument', 'username cannot be blank');
    expectError(await t.api('POST', '/blocks/check', { json: { username: 'owner1', check_list: [] } }), 400, 'illegal_argument', 'check_list size must be between 1 and 100');
    expectError(await t.api('POST', '/blocks/check', { json: { username: 'owner1', check_list: hundredOne } }), 400, 'illegal_argument', 'check_list size must be between 1 and 100');
    expect((await t.api('POST', '/blocks/check', { json: { username: 'owner1', check_list: hundredOne.slice(0, 100) } })).status).toBe(200);
    expectError(await t.api('POST', '/blocks/check', { json: { username: 'owner1', check_list: ['a b'] } }), 400, 'illegal_argument');
    expectError(await t.api('POST', '/blocks/check', { json: { username: 'nobody', check_list: ['b1'] } }), 404, 'service_resource_not_found');
    await t.api('POST', '/users/banned/deactivate');
    expectError(await t.api('POST', '/blocks/check', { json: { username: 'banned', check_list: ['b1'] } }), 403, 'forbidden_service_operation');
  });
});
