// Replays of the vendor's Python example (easemob/emchat-server-examples, emchat-server-python).
// How it sends: `requests` (emchat/utils/http_utils.py). http_post sends `data=json.dumps(payload)`
// with no headers of its own: requests sets no Content-Type for a string body, so JSON goes out
// with none; json.dumps writes `", "` and `": "` between items. http_get and http_delete send no
// body. http_put passes the payload to requests.put as `data` with `Content-type:
// application/json`. Auth (emchat/entities/token.py, BaseTokenAuth.__call__) adds
// `Authorization: Bearer <token>`. requests' own headers come first: User-Agent,
// Accept-Encoding, Accept, Connection; then Content-Length.
// The older single-file example (easemob_server_python.py, 2014 and 2015) sends
// `content-type: application/json` on every call and logged in with grant_type password.
// What it reads: token.py acquire_token reads `access_token` and `expires_in`; http_result returns
// `r.json()` to the caller, which the services pass on untouched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { control, registerUsers, replay, startCompatTarget, type CompatTarget, type ReplayRequest } from './support/replay.ts';

let target: CompatTarget;
let token: string;

beforeAll(async () => {
  target = await startCompatTarget();
  await registerUsers(target, 'py_a', 'py_b', 'py_c');
});
afterAll(() => target.stop());

const REQUESTS_HEADERS: Array<[string, string]> = [
  ['User-Agent', 'python-requests/2.9.1'],
  ['Accept-Encoding', 'gzip, deflate'],
  ['Accept', '*/*'],
  ['Connection', 'keep-alive'],
];

/** Python 2's json.dumps: `", "` between items and `": "` after keys, non-ASCII escaped. */
function pyDumps(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pyDumps).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value).map(([key, item]) => `${pyDumps(key)}: ${pyDumps(item)}`).join(', ')}}`;
  }
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const bearer = (): Array<[string, string]> => [['Authorization', `Bearer ${token}`]];

function pyPost(path: string, payload: unknown, auth = true): ReplayRequest {
  return { method: 'POST', path, headers: [...REQUESTS_HEADERS, ...(auth ? bearer() : [])], body: pyDumps(payload) };
}
function pyGet(path: string): ReplayRequest {
  return { method: 'GET', path, headers: [...REQUESTS_HEADERS, ...bearer()] };
}

describe('emchat-server-python', () => {
  it('pyDumps writes what Python 2 json.dumps writes', () => {
    expect(pyDumps({ username: 'a', password: 'b' })).toBe('{"username": "a", "password": "b"}');
    expect(pyDumps([{ a: 1 }, { b: [true, null] }])).toBe('[{"a": 1}, {"b": [true, null]}]');
    expect(pyDumps({ nickname: '张' })).toBe('{"nickname": "\\u5f20"}');
  });

  it('token.py AppClientTokenAuth.acquire_token: POST /token with no Content-Type', async () => {
    // http_post prefixes api_host to a URL that already holds it (`api_host + url`); replayed
    // here with the URL the method means: /{org}/{app}/token.
    const answer = await replay(target, pyPost('/token', { grant_type: 'client_credentials', client_id: target.app.clientId, client_secret: target.app.clientSecret }, false));
    expect(answer.status, answer.text).toBe(200);
    expect(typeof answer.json.access_token).toBe('string');
    expect(answer.json.expires_in).toBeGreaterThan(0);
    token = answer.json.access_token as string;
  });

  it('emchat_service.py create_new_user: POST /users, no Content-Type', async () => {
    const answer = await replay(target, pyPost('/users', { username: 'py_new', password: '123456' }));
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json.entities[0].username).toBe('py_new');
  });

  it('emchat_service.py im_user_login: POSTs the credentials to /users without a token, which the service takes as a registration', async () => {
    // The method is named login but posts to /users with no auth: closed registration answers 401.
    const answer = await replay(target, pyPost('/users', { username: 'py_a', password: '123456' }, false));
    expect(answer.status, answer.text).toBe(401);
    expect(answer.json.error).toBe('unauthorized');
  });

  it('emchat_service.py query_users_by_username and query_users: GET /users/{username}', async () => {
    const answer = await replay(target, pyGet('/users/py_a'));
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json.entities[0].username).toBe('py_a');
  });

  it('emchat_service.py modify_nickname: PUT /users/{username} with a JSON string payload; a dict is form-encoded and refused as the service refuses it', async () => {
    const headers: Array<[string, string]> = [...REQUESTS_HEADERS, ['Content-type', 'application/json'], ...bearer()];
    const json = await replay(target, { method: 'PUT', path: '/users/py_a', headers, body: pyDumps({ nickname: '张' }) });
    expect(json.status, json.text).toBe(200);
    expect(json.json.entities[0].nickname).toBe('张');
    // requests.put(url, {'nickname': 'x'}) form-encodes a dict: the body is not JSON.
    const form = await replay(target, { method: 'PUT', path: '/users/py_a', headers, body: 'nickname=x' });
    expect(form.status, form.text).toBe(400);
    expect(form.json.error).toBe('json_parse');
  });

  it('emchat_service.py modify_user_password: PUT /users/{username} (not …/password) with newpassword, which changes no password', async () => {
    const headers: Array<[string, string]> = [...REQUESTS_HEADERS, ['Content-type', 'application/json'], ...bearer()];
    const answer = await replay(target, { method: 'PUT', path: '/users/py_b', headers, body: pyDumps({ newpassword: '654321' }) });
    // Neither a nickname nor a push setting: 400, as the service answers an update without one.
    expect(answer.status, answer.text).toBe(400);
    expect(await target.sandbox.checkPassword(target.app.org, target.app.app, 'py_b', '123456')).toBe(true);
  });

  it('emchat_service.py query_offline_msg_count_of_user and check_status_of_user', async () => {
    await control(target, 'PUT', '/users/py_b/online', { online: true });
    expect((await replay(target, pyGet('/users/py_b/offline_msg_count'))).json.data).toEqual({ py_b: 0 });
    expect((await replay(target, pyGet('/users/py_b/status'))).json.data).toEqual({ py_b: 'online' });
  });

  it('emchat_service.py deactivate_user and activate_user: POST with the body `null` (json.dumps(None))', async () => {
    const off = await replay(target, pyPost('/users/py_c/deactivate', null));
    expect(off.status, off.text).toBe(200);
    expect(off.json.entities[0].activated).toBe(false);
    const on = await replay(target, pyPost('/users/py_c/activate', null));
    expect(on.status, on.text).toBe(200);
  });

  it('easemob_server_python.py (2014) AppAdminAccountAuth.acquire_token: grant_type password, with content-type', async () => {
    // The 2014 file logged in an app admin user this way; the same grant logs in an app user.
    const headers: Array<[string, string]> = [...REQUESTS_HEADERS, ['content-type', 'application/json']];
    const answer = await replay(target, { method: 'POST', path: '/token', headers, body: pyDumps({ grant_type: 'password', username: 'py_a', password: '123456' }) });
    expect(answer.status, answer.text).toBe(200);
    expect(typeof answer.json.access_token).toBe('string');
    expect(answer.json.expires_in).toBeGreaterThan(0);
  });

  it('easemob_server_python.py register_new_user and delete_user: content-type on POST and on a bodiless DELETE', async () => {
    const headers: Array<[string, string]> = [...REQUESTS_HEADERS, ['content-type', 'application/json'], ...bearer()];
    const created = await replay(target, { method: 'POST', path: '/users', headers, body: pyDumps({ username: 'PY7K2Q', password: '123456' }) });
    expect(created.status, created.text).toBe(200);
    // requests sends Content-Length: 0 on a DELETE without a body.
    const deleted = await replay(target, { method: 'DELETE', path: '/users/PY7K2Q', headers: [...headers, ['Content-Length', '0']] });
    expect(deleted.status, deleted.text).toBe(200);
  });
});
