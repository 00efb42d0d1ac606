// POST /users/batch/status (getUsersStatus): many users' online state in one call, unknown names
// offline, at most 100 names; and the client helper that reads any number, 100 at a time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEasemobClient } from '../../src/client/index.ts';
import { getUsersStatus, MAX_STATUS_BATCH } from '../../src/client/helpers/get-users-status.ts';
import { expectError, startTestSandbox, type TestSandbox } from './support/sandbox-calls.ts';

let t: TestSandbox;
const control = '/easemob-demo/chatdemoui/users';

beforeAll(async () => {
  t = await startTestSandbox();
  await t.register('Alice', 'bob', 'carol');
  await t.control('PUT', `${control}/alice/online`, { online: true });
});
afterAll(() => t.sandbox.close());

describe('getUsersStatus', () => {
  it('answers each name in the order sent, keyed as sent; unknown names are offline', async () => {
    const answer = await t.api('POST', '/users/batch/status', { json: { usernames: ['carol', 'ALICE', 'nobody', 'bob'] } });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.action).toBe('get batch user status');
    expect(answer.body.data).toEqual([{ carol: 'offline' }, { ALICE: 'online' }, { nobody: 'offline' }, { bob: 'offline' }]);
  });

  it('follows the state the control API sets', async () => {
    await t.control('PUT', `${control}/bob/online`, { online: true });
    expect((await t.api('POST', '/users/batch/status', { json: { usernames: ['bob'] } })).body.data).toEqual([{ bob: 'online' }]);
    await t.api('GET', '/users/bob/disconnect');
    expect((await t.api('POST', '/users/batch/status', { json: { usernames: ['bob'] } })).body.data).toEqual([{ bob: 'offline' }]);
  });

  it('takes 100 names and refuses 101 with the page\'s error', async () => {
    const names = Array.from({ length: MAX_STATUS_BATCH }, (_, i) => `n${i}`);
    const hundred = await t.api('POST', '/users/batch/status', { json: { usernames: names } });
    expect(hundred.body.data).toHaveLength(100);
    expectError(
      await t.api('POST', '/users/batch/status', { json: { usernames: [...names, 'one-more'] } }),
      400,
      'illegal_argument',
      'request body exceeds maximum limit, maximum limit is 100',
    );
  });

  it('refuses a missing or empty list, names that are not usernames, and broken JSON', async () => {
    expectError(await t.api('POST', '/users/batch/status', { json: {} }), 400, 'illegal_argument');
    expectError(await t.api('POST', '/users/batch/status', { json: { usernames: [] } }), 400, 'illegal_argument');
    expectError(await t.api('POST', '/users/batch/status', { json: { usernames: 'alice' } }), 400, 'illegal_argument');
    expectError(await t.api('POST', '/users/batch/status', { json: { usernames: ['a b'] } }), 400, 'illegal_argument');
    expectError(await t.api('POST', '/users/batch/status', { json: { usernames: [7] } }), 400, 'illegal_argument');
    expectError(await t.api('POST', '/users/batch/status', { raw: '{"usernames": [' }), 400, 'json_parse');
  });

  it('needs the app token', async () => {
    expectError(await t.api('POST', '/users/batch/status', { json: { usernames: ['bob'] }, token: 'not-a-token!' }), 401, 'auth_bad_access_token');
  });
});

describe('the getUsersStatus client helper', () => {
  it('reads any number of users, 100 names a request', async () => {
    const requests: number[] = [];
    const client = createEasemobClient({
      baseUrl: t.app.baseUrl,
      token: t.token,
      fetch: async (input, init) => {
        const request = new Request(input, init);
        requests.push(((await request.clone().json()) as { usernames: string[] }).usernames.length);
        return fetch(request);
      },
    });
    const names = ['alice', ...Array.from({ length: 230 }, (_, i) => `z${i}`)];
    const states = await getUsersStatus(client, names);
    expect(requests).toEqual([100, 100, 31]);
    expect(states.size).toBe(231);
    expect(states.get('alice')).toBe('online');
    expect(states.get('z229')).toBe('offline');
    expect(await getUsersStatus(client, [])).toEqual(new Map());
  });
});
