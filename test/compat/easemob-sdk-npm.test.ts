// Replays of a third-party Node.js client of 2015, `easemob-sdk` 0.1.1 on npm (github.com/leoliew/
// easemob-sdk), whose own tests ran against the real service. How it sends
// (lib/easemob_request.js, request_json and request_token): the `request` library (2.65) with
// `json: data`, where data is `{}` for calls without one, so every request, GET and DELETE
// included, carries a JSON body framed by Content-Length. `request` writes the caller's headers
// (`Authorization: Bearer <token>`), then `host`, then `accept` and `content-type`
// (application/json, Request.prototype.json) and `content-length`. Paths are concatenated
// unencoded; three of lib/friend.js end in a slash (`/contacts/users/`, `/blocks/users/`), as
// the real service took them (JAX-RS matches a path with or without its trailing slash).
// What it reads: `access_token` (get_token); its tests (test/user.test.js, test/friend.test.js)
// read `statusCode`, `entities[i].username`, `entities[0].nickname` and `cursor`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { control, registerUsers, replay, startCompatTarget, type CompatTarget, type ReplayRequest } from './support/replay.ts';

let target: CompatTarget;
let token: string;

beforeAll(async () => {
  target = await startCompatTarget();
  await registerUsers(target, 'leo1', 'leo2', 'leo3', 'leo4', 'leo5');
});
afterAll(() => target.stop());

/** lib/easemob_request.js request_token (and request_json for the token, without Authorization). */
function sdkRequest(method: string, path: string, data: unknown = {}, withToken = true): ReplayRequest {
  return {
    method,
    path,
    headers: [...(withToken ? [['Authorization', `Bearer ${token}`] as [string, string]] : []), ['host', ''], ['accept', 'application/json'], ['content-type', 'application/json']],
    body: JSON.stringify(data),
    framing: 'length',
  };
}

describe('easemob-sdk 0.1.1 (npm)', () => {
  it('get_token: POST /token with client credentials', async () => {
    const answer = await replay(target, sdkRequest('POST', '/token', { grant_type: 'client_credentials', client_id: target.app.clientId, client_secret: target.app.clientSecret }, false));
    expect(answer.status, answer.text).toBe(200);
    token = answer.json.access_token as string;
    expect(token).toEqual(expect.any(String));
  });

  it('user.create, create_with_nickname, create_batch: POST /users', async () => {
    const one = await replay(target, sdkRequest('POST', '/users', { username: 'leo', password: 'leo_password' }));
    expect([one.status, one.json.entities[0].username]).toEqual([200, 'leo']);
    const named = await replay(target, sdkRequest('POST', '/users', { username: 'leo_nick', password: 'p', nickname: 'Leo' }));
    expect([named.status, named.json.entities[0].username, named.json.entities[0].nickname]).toEqual([200, 'leo_nick', 'Leo']);
    const batch = await replay(target, sdkRequest('POST', '/users', [{ username: 'u1', password: 'p1' }, { username: 'u2', password: 'p2' }]));
    expect([batch.status, ...batch.json.entities.map((e: { username: string }) => e.username)]).toEqual([200, 'u1', 'u2']);
  });

  it('user.get: GET /users/{username} with the body {}', async () => {
    const answer = await replay(target, sdkRequest('GET', '/users/leo1'));
    expect([answer.status, answer.operationId, answer.json.entities[0].username]).toEqual([200, 'getUser', 'leo1']);
  });

  it('user.get_batch and get_batch_page: GET /users?limit=N, then &cursor= as received', async () => {
    const first = await replay(target, sdkRequest('GET', '/users?limit=2'));
    expect(first.status, first.text).toBe(200);
    expect(first.json.cursor).toEqual(expect.any(String));
    const next = await replay(target, sdkRequest('GET', `/users?limit=2&cursor=${first.json.cursor}`));
    expect(next.status, next.text).toBe(200);
    expect(next.json.entities[0].username).not.toBe(first.json.entities[0].username);
  });

  it('user.reset_password and set_nickname: PUT /users/{username}/password, PUT /users/{username}', async () => {
    const reset = await replay(target, sdkRequest('PUT', '/users/leo1/password', { newpassword: 'new_password' }));
    expect(reset.status, reset.text).toBe(200);
    expect(await target.sandbox.checkPassword(target.app.org, target.app.app, 'leo1', 'new_password')).toBe(true);
    const nickname = await replay(target, sdkRequest('PUT', '/users/leo1', { nickname: 'Leo One' }));
    expect([nickname.status, nickname.operationId]).toEqual([200, 'updateUser']);
  });

  it('user.get_status, get_offline_msg_count, get_offline_msg_status: GETs with the body {}', async () => {
    await control(target, 'POST', '/users/leo2/offline_messages', { msg_id: '5566' });
    const status = await replay(target, sdkRequest('GET', '/users/leo2/status'));
    expect([status.status, status.json.data.leo2]).toEqual([200, 'offline']);
    const count = await replay(target, sdkRequest('GET', '/users/leo2/offline_msg_count'));
    expect([count.status, count.json.data.leo2]).toEqual([200, 1]);
    const message = await replay(target, sdkRequest('GET', '/users/leo2/offline_msg_status/5566'));
    expect([message.status, message.json.data['5566']]).toEqual([200, 'undelivered']);
  });

  it('user.deactivate, activate (POST with {}), disconnect (GET with {})', async () => {
    for (const [method, path, operationId] of [
      ['POST', '/users/leo3/deactivate', 'deactivateUser'],
      ['POST', '/users/leo3/activate', 'activateUser'],
      ['GET', '/users/leo3/disconnect', 'disconnectUser'],
    ] as const) {
      const answer = await replay(target, sdkRequest(method, path));
      expect([answer.status, answer.operationId], answer.text).toEqual([200, operationId]);
    }
  });

  it('friend.add_friend, show_friend (a trailing slash), delete_friend: the contact is added, listed, removed', async () => {
    const added = await replay(target, sdkRequest('POST', '/users/leo4/contacts/users/leo5', { username: 'leo4', friend: 'leo5' }));
    expect([added.status, added.operationId]).toEqual([200, 'addContact']);
    const listed = await replay(target, sdkRequest('GET', '/users/leo4/contacts/users/', { username: 'leo4' }));
    expect([listed.status, listed.operationId, listed.json.data]).toEqual([200, 'listContacts', ['leo5']]);
    const removed = await replay(target, sdkRequest('DELETE', '/users/leo4/contacts/users/leo5', { username: 'leo4', friend: 'leo5' }));
    expect([removed.status, removed.operationId]).toEqual([200, 'removeContact']);
    const after = await replay(target, sdkRequest('GET', '/users/leo4/contacts/users/', { username: 'leo4' }));
    expect(after.json.data).toEqual([]);
  });

  it('friend.add_blacklist and show_blacklist (trailing slashes), delete_blacklist ({"usernames": name})', async () => {
    const added = await replay(target, sdkRequest('POST', '/users/leo4/blocks/users/', { usernames: ['leo5'] }));
    expect([added.status, added.operationId, added.json.data]).toEqual([200, 'addBlocks', ['leo5']]);
    const listed = await replay(target, sdkRequest('GET', '/users/leo4/blocks/users/', { username: 'leo4' }));
    expect([listed.status, listed.operationId, listed.json.data]).toEqual([200, 'listBlocks', ['leo5']]);
    const removed = await replay(target, sdkRequest('DELETE', '/users/leo4/blocks/users/leo5', { usernames: 'leo5' }));
    expect([removed.status, removed.operationId]).toEqual([200, 'removeBlock']);
    const after = await replay(target, sdkRequest('GET', '/users/leo4/blocks/users/', { username: 'leo4' }));
    expect(after.json.data).toEqual([]);
  });

  it('user.remove and remove_batch: DELETE /users/{username}, DELETE /users?limit=N, each with the body {}', async () => {
    const one = await replay(target, sdkRequest('DELETE', '/users/leo'));
    expect([one.status, one.operationId, one.json.entities[0].username]).toEqual([200, 'deleteUser', 'leo']);
    const batch = await replay(target, sdkRequest('DELETE', '/users?limit=2'));
    expect([batch.status, batch.operationId, batch.json.entities.length]).toEqual([200, 'deleteUsers', 2]);
  });
});
