// Replays of the vendor's Java server SDK 1.x (easemob/easemob-im-server-sdk, master, im-sdk-core/
// src/main/java/com/easemob/im/server/api/). How it sends: reactor-netty's HttpClient
// (EMHttpClientFactory adds `User-Agent: EasemobServerSDK/<version>`; DefaultContext adds
// `Authorization: Bearer <app token>` to every call, the token calls included), bodies encoded by
// JsonCodec (Jackson, nulls left out) and sent as one buffer with a Content-Length and **no
// Content-Type**; POSTs without a body send none.
// What it reads (the response classes it decodes): TokenResponse `access_token`, `expires_in`;
// UserGetResponse/UserListResponse `entities[].{username, nickname, uuid, activated}` and
// `cursor`; UserUnregisterResponse `entities`, `cursor`; UserStatusResponse `data`;
// ContactUserListResponse `data`; the rest only the status.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { control, registerUsers, replay, startCompatTarget, type CompatTarget, type ReplayRequest } from './support/replay.ts';

let target: CompatTarget;

beforeAll(async () => {
  target = await startCompatTarget();
  await registerUsers(target, 'j1_a', 'j1_b', 'j1_c', 'j1_d', 'j1_e', 'j1_f');
});
afterAll(() => target.stop());

function sdk(method: string, path: string, body?: unknown, token = target.appToken): ReplayRequest {
  return {
    method,
    path,
    headers: [['user-agent', 'EasemobServerSDK/1.0.0'], ['host', ''], ['accept', '*/*'], ['Authorization', `Bearer ${token}`]],
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  };
}

/** UserResource: what the SDK maps an entity to. */
function expectUserResource(entity: { username: unknown; uuid: unknown; activated: unknown }) {
  expect(typeof entity.username).toBe('string');
  expect(typeof entity.uuid).toBe('string');
  expect(typeof entity.activated).toBe('boolean');
}

describe('Java SDK 1.x', () => {
  it('token/allocate/DefaultTokenProvider (AppTokenRequest): POST /token, no Content-Type', async () => {
    const answer = await replay(target, sdk('POST', '/token', { grant_type: 'client_credentials', client_id: target.app.clientId, client_secret: target.app.clientSecret }));
    expect(answer.status, answer.text).toBe(200);
    expect(typeof answer.json.access_token).toBe('string');
    expect(answer.json.expires_in).toBeGreaterThan(0);
  });

  it('token/TokenApi.getUserToken (UserTokenRequest): grant_type password', async () => {
    const answer = await replay(target, sdk('POST', '/token', { grant_type: 'password', username: 'j1_a', password: '123456' }));
    expect(answer.status, answer.text).toBe(200);
    expect(typeof answer.json.access_token).toBe('string');
    expect(answer.json.expires_in).toBeGreaterThan(0);
  });

  it('token/TokenApi.getUserTokenWithInherit (InheritTokenRequest, InheritTokenTtlRequest): grant_type inherit, autoCreateUser true', async () => {
    const known = await replay(target, sdk('POST', '/token', { grant_type: 'inherit', username: 'j1_b', autoCreateUser: true }));
    expect(known.status, known.text).toBe(200);
    expect(typeof known.json.access_token).toBe('string');
    const created = await replay(target, sdk('POST', '/token', { grant_type: 'inherit', username: 'j1_auto', autoCreateUser: true, ttl: 3600 }));
    expect(created.status, created.text).toBe(200);
    expect(created.json.expires_in).toBe(3600);
  });

  it('user/create/CreateUser: POST /users, one user and a batch', async () => {
    const one = await replay(target, sdk('POST', '/users', { username: 'j1_new', password: '123456' }));
    expect(one.status, one.text).toBe(200);
    expectUserResource(one.json.entities[0]);
    const batch = await replay(target, sdk('POST', '/users', [{ username: 'j1_n1', password: '123456', nickname: 'N1' }, { username: 'j1_n2', password: '123456' }]));
    expect(batch.status, batch.text).toBe(200);
    expect(batch.json.entities).toHaveLength(2);
  });

  it('user/get/UserGet and user/list/ListUsers.next: GET /users/{username}, GET /users?limit=&cursor=', async () => {
    expectUserResource((await replay(target, sdk('GET', '/users/j1_a'))).json.entities[0]);
    const first = await replay(target, sdk('GET', '/users?limit=3'));
    expect(first.json.entities).toHaveLength(3);
    const next = await replay(target, sdk('GET', `/users?limit=3&cursor=${first.json.cursor as string}`));
    expect(next.status, next.text).toBe(200);
    expectUserResource(next.json.entities[0]);
  });

  it('user/password/UpdateUserPassword: PUT /users/{username}/password', async () => {
    const answer = await replay(target, sdk('PUT', '/users/j1_c/password', { newpassword: '654321' }));
    expect(answer.status, answer.text).toBe(200);
    expect(await target.sandbox.checkPassword(target.app.org, target.app.app, 'j1_c', '654321')).toBe(true);
  });

  it('push/displaystyle/set/NotificationDisplayStyle.set: PUT /users/{username} with the style as a string', async () => {
    const answer = await replay(target, sdk('PUT', '/users/j1_d', { notification_display_style: '1' }));
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json.entities[0].notification_display_style).toBe(1);
  });

  it('push/nodisturbing/NotificationNoDisturbing open and close', async () => {
    const open = await replay(target, sdk('PUT', '/users/j1_d', { notification_no_disturbing: true, notification_no_disturbing_start: '22', notification_no_disturbing_end: '7' }));
    expect(open.status, open.text).toBe(200);
    const close = await replay(target, sdk('PUT', '/users/j1_d', { notification_no_disturbing: false }));
    expect(close.status, close.text).toBe(200);
    expect(close.json.entities[0].notification_no_disturbing).toBe(false);
  });

  it('push/nickname/UpdateUserNickname: PUT /users/{username}', async () => {
    const answer = await replay(target, sdk('PUT', '/users/j1_d', { nickname: 'Jay' }));
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json.entities[0].nickname).toBe('Jay');
  });

  it('contact/user/ContactUser add, list, remove', async () => {
    expect((await replay(target, sdk('POST', '/users/j1_a/contacts/users/j1_b'))).status).toBe(200);
    expect((await replay(target, sdk('GET', '/users/j1_a/contacts/users'))).json.data).toEqual(['j1_b']);
    expect((await replay(target, sdk('DELETE', '/users/j1_a/contacts/users/j1_b'))).status).toBe(200);
  });

  it('block/user/SendMsgToUser block, list, unblock', async () => {
    expect((await replay(target, sdk('POST', '/users/j1_a/blocks/users', { usernames: ['j1_b'] }))).status).toBe(200);
    expect((await replay(target, sdk('GET', '/users/j1_a/blocks/users'))).json.data).toEqual(['j1_b']);
    expect((await replay(target, sdk('DELETE', '/users/j1_a/blocks/users/j1_b'))).status).toBe(200);
  });

  it('user/status/UserStatus, message/missed/MessageMissed, message/status/MessageStatus', async () => {
    await control(target, 'POST', '/users/j1_e/offline_messages', { msg_id: '1121212' });
    expect((await replay(target, sdk('GET', '/users/j1_e/status'))).json.data).toEqual({ j1_e: 'offline' });
    expect((await replay(target, sdk('GET', '/users/j1_e/offline_msg_count'))).json.data).toEqual({ j1_e: 1 });
    expect((await replay(target, sdk('GET', '/users/j1_e/offline_msg_status/1121212'))).json.data).toEqual({ '1121212': 'undelivered' });
  });

  it('block/login/BlockUserLogin deactivate and activate (POST, no body); user/forcelogout/ForceLogoutUser', async () => {
    expect((await replay(target, sdk('POST', '/users/j1_e/deactivate'))).json.entities[0].activated).toBe(false);
    expect((await replay(target, sdk('POST', '/users/j1_e/activate'))).status).toBe(200);
    expect((await replay(target, sdk('GET', '/users/j1_e/disconnect'))).json.data).toEqual({ result: true });
  });

  it('user/unregister/DeleteUser: DELETE /users/{username}, and next(limit, cursor)', async () => {
    expect((await replay(target, sdk('DELETE', '/users/j1_new'))).status).toBe(200);
    const first = await replay(target, sdk('DELETE', '/users?limit=2'));
    expect(first.status, first.text).toBe(200);
    expect(first.json.entities).toHaveLength(2);
    const next = await replay(target, sdk('DELETE', `/users?limit=2&cursor=${first.json.cursor as string}`));
    expect(next.status, next.text).toBe(200);
    expect(next.json.entities).toHaveLength(2);
  });
});
