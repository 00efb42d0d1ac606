// Replays of the vendor's Node.js example (easemob/emchat-server-examples, emchat-server-nodejs).
// How it sends (request.js, httpRequest): Node's https.request with `agent: false` (so
// `Connection: close`), the caller's headers, then `req.write(JSON.stringify(json.data))` where
// json.data defaults to {}: on POST and PUT Node frames that body with `Transfer-Encoding:
// chunked`; on GET and DELETE Node does not chunk by default, so the bytes `{}` follow the
// headers with no Content-Length and no chunking. The query is written unencoded
// (`key=value&…`). client.js (httpRequestWithToken) adds `Content-Type: application/json` and
// `Authorization: Bearer <token>`; easemob/token.js (accessToken) passes its headers under the
// misspelt key `header`, so the token request goes out with no Content-Type at all.
// What it reads: token.js reads `access_token` and `expires_in`; every call of easemob/user.js
// hands the answer text to its callback, which the example's test.js logs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { control, registerUsers, replay, startCompatTarget, type CompatTarget, type ReplayRequest } from './support/replay.ts';

let target: CompatTarget;
let token: string;

beforeAll(async () => {
  target = await startCompatTarget();
  await registerUsers(target, 'user101', 'user102', 'user103', 'user104', 'user105', 'user106');
});
afterAll(() => target.stop());

/** request.js httpRequest: the body is always written, `{}` when the call has no data. */
function nodeRequest(method: string, path: string, data: unknown = {}, headers?: Array<[string, string]>): ReplayRequest {
  const unchunked = method === 'GET' || method === 'DELETE';
  return {
    method,
    path,
    // client.js httpRequestWithToken; then Node's own Host and Connection lines.
    headers: [...(headers ?? [['Content-Type', 'application/json'], ['Authorization', `Bearer ${token}`]]), ['Host', ''], ['Connection', 'close']],
    body: JSON.stringify(data),
    framing: unchunked ? 'unframed' : 'chunked',
  };
}

describe('emchat-server-nodejs', () => {
  it('token.js accessToken: POST /token, no Content-Type, chunked', async () => {
    const answer = await replay(target, nodeRequest('POST', '/token', { grant_type: 'client_credentials', client_id: target.app.clientId, client_secret: target.app.clientSecret }, []));
    expect(answer.status, answer.text).toBe(200);
    expect(typeof answer.json.access_token).toBe('string');
    expect(answer.json.expires_in).toBeGreaterThan(0);
    token = answer.json.access_token as string;
  });

  it('user.js createUser and createUsers: POST /users, one user and an array', async () => {
    const one = await replay(target, nodeRequest('POST', '/users', { username: 'user001', password: '123456' }));
    expect(one.status, one.text).toBe(200);
    expect(one.operationId).toBe('createUsers');
    const many = await replay(target, nodeRequest('POST', '/users', [
      { username: 'user201', password: '123456' },
      { username: 'user202', password: '123456' },
    ]));
    expect(many.status, many.text).toBe(200);
    expect(many.json.entities).toHaveLength(2);
  });

  it('user.js getUser: GET /users/{username} with `{}` unframed after the headers', async () => {
    const answer = await replay(target, nodeRequest('GET', '/users/user101'));
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json.entities[0].username).toBe('user101');
  });

  it('user.js getUsers: GET /users?limit=5 (an undefined cursor is left out), then with the cursor', async () => {
    const first = await replay(target, nodeRequest('GET', '/users?limit=5'));
    expect(first.status, first.text).toBe(200);
    expect(first.json.entities).toHaveLength(5);
    const next = await replay(target, nodeRequest('GET', `/users?limit=5&cursor=${first.json.cursor}`));
    expect(next.status, next.text).toBe(200);
    expect(next.json.entities[0].username).not.toBe(first.json.entities[0].username);
  });

  it('user.js resetPassword: PUT /users/{username}/password with oldpassword and newpassword', async () => {
    const answer = await replay(target, nodeRequest('PUT', '/users/user101/password', { oldpassword: '123456', newpassword: '654321' }));
    expect(answer.status, answer.text).toBe(200);
    expect(await target.sandbox.checkPassword(target.app.org, target.app.app, 'user101', '654321')).toBe(true);
  });

  it('user.js editNickname: PUT /users/{username}', async () => {
    const answer = await replay(target, nodeRequest('PUT', '/users/user101', { nickname: 'Aily' }));
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json.entities[0].nickname).toBe('Aily');
  });

  it('user.js addFriend, showFriends, deleteFriend', async () => {
    expect((await replay(target, nodeRequest('POST', '/users/user101/contacts/users/user102'))).status).toBe(200);
    const list = await replay(target, nodeRequest('GET', '/users/user101/contacts/users'));
    expect(list.json.data).toEqual(['user102']);
    expect((await replay(target, nodeRequest('DELETE', '/users/user101/contacts/users/user102'))).status).toBe(200);
  });

  it('user.js addUserForBlacklist, getBlacklist, deleteUserFromBlacklist', async () => {
    expect((await replay(target, nodeRequest('POST', '/users/user101/blocks/users', { usernames: ['user102', 'user103'] }))).status).toBe(200);
    const list = await replay(target, nodeRequest('GET', '/users/user101/blocks/users'));
    expect([...list.json.data].sort()).toEqual(['user102', 'user103']);
    expect((await replay(target, nodeRequest('DELETE', '/users/user101/blocks/users/user102'))).status).toBe(200);
  });

  it('user.js isOnline, getOfflineMessages, getOfflineMessageStatus', async () => {
    await control(target, 'POST', '/users/user103/offline_messages', { msg_id: '77225969013752296_pd7J8-20-c3104' });
    expect((await replay(target, nodeRequest('GET', '/users/user103/status'))).json.data).toEqual({ user103: 'offline' });
    expect((await replay(target, nodeRequest('GET', '/users/user103/offline_msg_count'))).json.data).toEqual({ user103: 1 });
    const status = await replay(target, nodeRequest('GET', '/users/user103/offline_msg_status/77225969013752296_pd7J8-20-c3104'));
    expect(status.json.data).toEqual({ '77225969013752296_pd7J8-20-c3104': 'undelivered' });
  });

  it('user.js deactivateUser, activateUser (POST with `{}` chunked), disconnectUser', async () => {
    expect((await replay(target, nodeRequest('POST', '/users/user104/deactivate'))).json.entities[0].activated).toBe(false);
    expect((await replay(target, nodeRequest('POST', '/users/user104/activate'))).status).toBe(200);
    expect((await replay(target, nodeRequest('GET', '/users/user104/disconnect'))).json.data).toEqual({ result: true });
  });

  it('user.js deleteUser: DELETE /users/{username} with `{}` unframed', async () => {
    const answer = await replay(target, nodeRequest('DELETE', '/users/user001'));
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json.entities[0].username).toBe('user001');
  });

  it("user.js deleteUsers as test.js calls it: DELETE /users?limit=2&cursor=${cursor}, the placeholder sent as it is", async () => {
    // test.js case 16: user.deleteUsers(2, '${cursor}'); request.js writes the query unencoded.
    const answer = await replay(target, nodeRequest('DELETE', '/users?limit=2&cursor=${cursor}'));
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json.entities).toHaveLength(2);
  });
});
