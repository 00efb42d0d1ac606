// Replays of the vendor's PHP example (easemob/emchat-server-examples, emchat-server-php,
// Easemob.class.php). How it sends (postCurl): curl with CURLOPT_POSTFIELDS set to the
// json_encode'd body (`''` when there is none: PHP's count('') is 1), so curl sends
// `Content-Type: application/x-www-form-urlencoded` and a Content-Length with the JSON; GET calls
// then set CURLOPT_HTTPGET, which drops the body; PUT and DELETE use CURLOPT_CUSTOMREQUEST and keep
// it (`Content-Length: 0` for ''). The only header it adds is `Authorization:Bearer <token>`
// (getToken, no space after the colon), and `Content-Type:application/json` on addFriend; the
// User-Agent is set to an old Internet Explorer's. json_encode escapes non-ASCII as \uXXXX.
// What it reads: getToken reads `access_token`; getUsersForPage reads `cursor`; every other
// method returns json_decode of the answer to the caller (easemobtest.php var_dumps it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { control, registerUsers, replay, startCompatTarget, type CompatTarget, type ReplayRequest } from './support/replay.ts';

let target: CompatTarget;
let authorization: string;

beforeAll(async () => {
  target = await startCompatTarget();
  await registerUsers(target, 'zhangsan', 'lisi', 'wangwu', 'php_a', 'php_b', 'php_c', 'php_d', 'php_e', 'php_f', 'php_g', 'php_h');
});
afterAll(() => target.stop());

const USER_AGENT = 'Mozilla/4.0 (compatible; MSIE 8.0; Windows NT 6.0; Trident/4.0)';
const FORM = 'application/x-www-form-urlencoded';

/** PHP json_encode: no spaces, `/` escaped, non-ASCII as \uXXXX. */
const phpJson = (value: unknown) =>
  JSON.stringify(value)
    .replace(/\//g, '\\/')
    .replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** postCurl($url, $body, $header, $type). */
function postCurl(path: string, body: string, extraHeaders: string[], type: 'POST' | 'PUT' | 'DELETE' | 'GET' = 'POST'): ReplayRequest {
  const custom = extraHeaders.map((line): [string, string] => {
    const colon = line.indexOf(':');
    return [line.slice(0, colon), line.slice(colon + 1)];
  });
  const hasType = custom.some(([name]) => name.toLowerCase() === 'content-type');
  const headers: Array<[string, string]> = [['Host', ''], ['User-Agent', USER_AGENT], ['Accept', '*/*'], ...custom];
  if (type === 'GET') return { method: 'GET', path, headers };
  if (!hasType) headers.push(['Content-Type', FORM]);
  return { method: type, path, headers, body };
}

const token = () => [authorization];

describe('emchat-server-php', () => {
  it('getToken: POST /token, JSON sent as application/x-www-form-urlencoded', async () => {
    const body = phpJson({ grant_type: 'client_credentials', client_id: target.app.clientId, client_secret: target.app.clientSecret });
    const answer = await replay(target, postCurl('/token', body, []));
    expect(answer.status, answer.text).toBe(200);
    expect(typeof answer.json.access_token).toBe('string');
    authorization = `Authorization:Bearer ${answer.json.access_token as string}`;
  });

  it('createUser and createUsers: POST /users', async () => {
    const one = await replay(target, postCurl('/users', phpJson({ username: 'php_new', password: '123456' }), token()));
    expect(one.status, one.text).toBe(200);
    const many = await replay(target, postCurl('/users', phpJson([{ username: 'php_x', password: '123456' }, { username: 'php_y', password: '123456' }]), token()));
    expect(many.status, many.text).toBe(200);
    expect(many.json.entities).toHaveLength(2);
  });

  it('resetPassword: PUT /users/{username}/password', async () => {
    const answer = await replay(target, postCurl('/users/zhangsan/password', phpJson({ newpassword: '654321' }), token(), 'PUT'));
    expect(answer.status, answer.text).toBe(200);
    expect(await target.sandbox.checkPassword(target.app.org, target.app.app, 'zhangsan', '654321')).toBe(true);
  });

  it('getUser and getUsers: GET, the body dropped by CURLOPT_HTTPGET', async () => {
    expect((await replay(target, postCurl('/users/zhangsan', '', token(), 'GET'))).json.entities[0].username).toBe('zhangsan');
    expect((await replay(target, postCurl('/users', '', token(), 'GET'))).status).toBe(200);
    expect((await replay(target, postCurl('/users?limit=2', '', token(), 'GET'))).json.entities).toHaveLength(2);
  });

  it('getUsersForPage: `cursor=` empty on the first page, then the cursor it read', async () => {
    const first = await replay(target, postCurl('/users?limit=10&cursor=', '', token(), 'GET'));
    expect(first.status, first.text).toBe(200);
    expect(first.json.entities[0].username).toBe('zhangsan');
    expect(typeof first.json.cursor).toBe('string');
    const next = await replay(target, postCurl(`/users?limit=10&cursor=${first.json.cursor as string}`, '', token(), 'GET'));
    expect(next.status, next.text).toBe(200);
    expect(next.json.entities[0].username).not.toBe('zhangsan');
  });

  it('editNickname: PUT /users/{username} with json_encode\'s \\u escapes', async () => {
    const answer = await replay(target, postCurl('/users/zhangsan', phpJson({ nickname: '小A' }), token(), 'PUT'));
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json.entities[0].nickname).toBe('小A');
  });

  it('addFriend (Content-Type:application/json, empty body), showFriends, deleteFriend', async () => {
    const add = await replay(target, postCurl('/users/zhangsan/contacts/users/lisi', '', [authorization, 'Content-Type:application/json'], 'POST'));
    expect(add.status, add.text).toBe(200);
    expect((await replay(target, postCurl('/users/zhangsan/contacts/users', '', token(), 'GET'))).json.data).toEqual(['lisi']);
    expect((await replay(target, postCurl('/users/zhangsan/contacts/users/lisi', '', token(), 'DELETE'))).status).toBe(200);
  });

  it('addUserForBlacklist, getBlacklist, deleteUserFromBlacklist', async () => {
    const add = await replay(target, postCurl('/users/wangwu/blocks/users', phpJson({ usernames: ['zhangsan', 'lisi'] }), token()));
    expect(add.status, add.text).toBe(200);
    expect([...(await replay(target, postCurl('/users/wangwu/blocks/users', '', token(), 'GET'))).json.data].sort()).toEqual(['lisi', 'zhangsan']);
    expect((await replay(target, postCurl('/users/wangwu/blocks/users/lisi', '', token(), 'DELETE'))).status).toBe(200);
  });

  it('isOnline, getOfflineMessages, getOfflineMessageStatus (easemobtest.php\'s message id)', async () => {
    const msgId = '77225969013752296_pd7J8-20-c3104';
    await control(target, 'POST', '/users/lisi/offline_messages', { msg_id: msgId });
    expect((await replay(target, postCurl('/users/lisi/status', '', token(), 'GET'))).json.data).toEqual({ lisi: 'offline' });
    expect((await replay(target, postCurl('/users/lisi/offline_msg_count', '', token(), 'GET'))).json.data).toEqual({ lisi: 1 });
    expect((await replay(target, postCurl(`/users/lisi/offline_msg_status/${msgId}`, '', token(), 'GET'))).json.data).toEqual({ [msgId]: 'undelivered' });
  });

  it('deactiveUser and activeUser: POST with an empty form body; disconnectUser', async () => {
    expect((await replay(target, postCurl('/users/php_a/deactivate', '', token()))).json.entities[0].activated).toBe(false);
    expect((await replay(target, postCurl('/users/php_a/activate', '', token()))).status).toBe(200);
    expect((await replay(target, postCurl('/users/php_a/disconnect', '', token(), 'GET'))).json.data).toEqual({ result: true });
  });

  it('deleteUser and deleteUsers: DELETE with Content-Length: 0', async () => {
    const one = await replay(target, postCurl('/users/php_new', '', token(), 'DELETE'));
    expect(one.status, one.text).toBe(200);
    const two = await replay(target, postCurl('/users?limit=2', '', token(), 'DELETE'));
    expect(two.status, two.text).toBe(200);
    expect(two.json.entities).toHaveLength(2);
  });
});
