// Replays of the vendor's Java server SDK 2.0 (easemob/easemob-im-server-sdk, branch
// master_java_2.0, src/main/java/com/easemob/im/), an OpenAPI Generator client on OkHttp and Gson.
// How it sends: ApiClient.buildCall with `Accept: application/json` (`*/*` for createAppToken),
// `Content-Type: application/json; charset=utf-8` where a call has a body (OkHttp appends the
// charset), `Authorization: Bearer <app token>`, and OkHttp's own Host, Connection, Accept-Encoding
// and User-Agent. Gson writes compact JSON and leaves nulls out. Path parameters are escaped
// (ApiClient.escapeString); a null query parameter is left out. A POST without a body sends an
// empty one (Content-Length: 0).
// What it reads: createAppToken reads `access_token` from a Map; TokenApi.getToken decodes
// EMGetToken (`access_token`); EMGetUsersResult `entities`, `cursor`; the user models read
// `username`, `nickname`, `uuid`, `activated`, `created`. Its JSON adapter is plain Gson, so
// fields it does not declare are ignored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { control, registerUsers, replay, startCompatTarget, type CompatTarget, type ReplayRequest } from './support/replay.ts';

let target: CompatTarget;

beforeAll(async () => {
  target = await startCompatTarget();
  await registerUsers(target, 'j2_a', 'j2_b', 'j2_c', 'j2_d', 'j2_e');
});
afterAll(() => target.stop());

function okhttp(method: string, path: string, body?: unknown, accept = 'application/json', auth = true): ReplayRequest {
  const headers: Array<[string, string]> = [['Accept', accept]];
  if (body !== undefined) headers.push(['Content-Type', 'application/json; charset=utf-8']);
  if (auth) headers.push(['Authorization', `Bearer ${target.appToken}`]);
  headers.push(['Host', ''], ['Connection', 'Keep-Alive'], ['Accept-Encoding', 'gzip'], ['User-Agent', 'OpenAPI-Generator/2.0.0/java']);
  const noBodyPost = body === undefined && (method === 'POST' || method === 'PUT');
  if (noBodyPost) headers.push(['Content-Length', '0']);
  return { method, path, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) };
}

/** EMUserResource fields the models read. */
function expectUser(entity: Record<string, unknown>) {
  expect(typeof entity.username).toBe('string');
  expect(typeof entity.uuid).toBe('string');
  expect(typeof entity.activated).toBe('boolean');
  expect(typeof entity.created).toBe('number');
}

describe('Java SDK 2.0', () => {
  it('ApiClient.createAppToken: POST /token, Accept */*, JSON with charset', async () => {
    const answer = await replay(target, okhttp('POST', '/token', { grant_type: 'client_credentials', client_id: target.app.clientId, client_secret: target.app.clientSecret }, '*/*', false));
    expect(answer.status, answer.text).toBe(200);
    expect(typeof answer.json.access_token).toBe('string');
  });

  it('api/TokenApi.getToken (EMCreateToken): the password and inherit grants', async () => {
    const password = await replay(target, okhttp('POST', '/token', { grant_type: 'password', username: 'j2_a', password: '123456', ttl: 600 }));
    expect(password.status, password.text).toBe(200);
    expect(typeof password.json.access_token).toBe('string');
    const inherit = await replay(target, okhttp('POST', '/token', { grant_type: 'inherit', username: 'j2_auto', autoCreateUser: true }));
    expect(inherit.status, inherit.text).toBe(200);
    expect(typeof inherit.json.access_token).toBe('string');
  });

  it('api/UserApi.createUsers, getUser, getUsers', async () => {
    const created = await replay(target, okhttp('POST', '/users', [{ username: 'j2_new', password: '123456', nickname: 'New' }]));
    expect(created.status, created.text).toBe(200);
    expectUser(created.json.entities[0]);
    expectUser((await replay(target, okhttp('GET', '/users/j2_new'))).json.entities[0]);
    const page = await replay(target, okhttp('GET', '/users?limit=2'));
    expect(page.json.entities).toHaveLength(2);
    const next = await replay(target, okhttp('GET', `/users?limit=2&cursor=${page.json.cursor as string}`));
    expectUser(next.json.entities[0]);
  });

  it('api/UserApi.modifyUserPassword: PUT /users/{username}/password', async () => {
    const answer = await replay(target, okhttp('PUT', '/users/j2_b/password', { newpassword: '654321' }));
    expect(answer.status, answer.text).toBe(200);
  });

  it('api/PushApi.setOfflinePushOld (EMSetOfflinePushOld): PUT /users/{username} with all five fields', async () => {
    const answer = await replay(target, okhttp('PUT', '/users/j2_c', {
      nickname: 'Jia',
      notification_display_style: 1,
      notification_no_disturbing: true,
      notification_no_disturbing_start: '22',
      notification_no_disturbing_end: '7',
    }));
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json.entities[0]).toMatchObject({ nickname: 'Jia', notification_display_style: 1, notification_no_disturbing: true });
  });

  it('api/ContactApi addContact, getContactList, removeContact; api/BlockApi add, get, remove', async () => {
    expect((await replay(target, okhttp('POST', '/users/j2_a/contacts/users/j2_b'))).status).toBe(200);
    expect((await replay(target, okhttp('GET', '/users/j2_a/contacts/users'))).json.data).toEqual(['j2_b']);
    expect((await replay(target, okhttp('DELETE', '/users/j2_a/contacts/users/j2_b'))).status).toBe(200);
    expect((await replay(target, okhttp('POST', '/users/j2_a/blocks/users', { usernames: ['j2_c'] }))).status).toBe(200);
    expect((await replay(target, okhttp('GET', '/users/j2_a/blocks/users'))).json.data).toEqual(['j2_c']);
    expect((await replay(target, okhttp('DELETE', '/users/j2_a/blocks/users/j2_c'))).status).toBe(200);
  });

  it('api/UserApi getUserOnlineState, getUserOfflineMessageCount, getOfflineMessageStatus', async () => {
    await control(target, 'PUT', '/users/j2_d/online', { online: true });
    expect((await replay(target, okhttp('GET', '/users/j2_d/status'))).json.data).toEqual({ j2_d: 'online' });
    expect((await replay(target, okhttp('GET', '/users/j2_d/offline_msg_count'))).json.data).toEqual({ j2_d: 0 });
    expect((await replay(target, okhttp('GET', '/users/j2_d/offline_msg_status/1121212'))).json.data).toEqual({ '1121212': 'delivered' });
  });

  it('api/UserApi userDeactivate, userActivate (POST, empty body), forceUserLogout', async () => {
    expect((await replay(target, okhttp('POST', '/users/j2_d/deactivate'))).json.entities[0].activated).toBe(false);
    expect((await replay(target, okhttp('POST', '/users/j2_d/activate'))).status).toBe(200);
    expect((await replay(target, okhttp('GET', '/users/j2_d/disconnect'))).json.data).toEqual({ result: true });
  });

  it('api/UserApi deleteUser and deleteUsers(limit, cursor)', async () => {
    expect((await replay(target, okhttp('DELETE', '/users/j2_new'))).status).toBe(200);
    const first = await replay(target, okhttp('DELETE', '/users?limit=2'));
    expect(first.json.entities).toHaveLength(2);
    const next = await replay(target, okhttp('DELETE', `/users?limit=2&cursor=${first.json.cursor as string}`));
    expect(next.status, next.text).toBe(200);
    expect(next.json.entities).toHaveLength(2);
  });
});
