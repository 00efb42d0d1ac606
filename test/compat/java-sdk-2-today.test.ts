// Replays of what the vendor's Java server SDK 2.0 (easemob/easemob-im-server-sdk, branch
// master_java_2.0, src/main/java/com/easemob/im/api/) sends for the operations documented after
// the 2015 guide, against the sandbox, each answer read the way the SDK's models read it. The
// requests are rebuilt from the SDK's source (method, path, headers, body), not copied from it.
// Headers every 2.0 call carries: Accept and, with a body, Content-Type application/json
// (openapi-generator's okhttp-gson client); User-Agent from ApiClient's constructor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startTestSandbox, type CallOptions, type TestSandbox } from '../sandbox/support/sandbox-calls.ts';

let t: TestSandbox;
const control = '/easemob-demo/chatdemoui/users';

// With no body the generated client still names application/json (selectHeaderContentType of an
// empty list), and sends no body on GET and DELETE.
function sdk(method: string, path: string, json?: unknown) {
  const options: CallOptions = {
    token: t.token,
    headers: { accept: 'application/json', 'user-agent': 'Easemob-ServerSDK2.0_Java_2.0.0', ...(json === undefined && { 'content-type': 'application/json' }) },
    ...(json !== undefined && { json }),
  };
  return call(t.app, method, path, options);
}

beforeAll(async () => {
  t = await startTestSandbox();
  await t.register('sdkuser1', 'sdkuser2');
});
afterAll(() => t.sandbox.close());

describe('Java SDK 2.0 replays: the user system today', () => {
  // UserApi.getUsersOnlineStateCall: POST /users/batch/status, body EMGetUsersOnlineState
  // {"usernames": [...]}; EMGetUsersOnlineStateResult reads `data` as a list of objects.
  it('UserApi.getUsersOnlineState', async () => {
    await t.control('PUT', `${control}/sdkuser2/online`, { online: true });
    const answer = await sdk('POST', '/users/batch/status', { usernames: ['sdkuser1', 'sdkuser2'] });
    expect(answer.status, answer.text).toBe(200);
    expect(Array.isArray(answer.body.data)).toBe(true);
    expect(answer.body.data).toEqual([{ sdkuser1: 'offline' }, { sdkuser2: 'online' }]);
  });

  // UserApi.getUserOnlineLoginDeviceListCall: GET /users/{username}/resources;
  // EMGetUserOnlineLoginDeviceListResult reads `data` as a list of EMDeviceResource (res,
  // device_uuid, device_name). UserApi.forceUserLogoutFromSingleDeviceCall: DELETE
  // /users/{username}/disconnect/{resourceId}, no body; EMForceUserLogoutFromSingleDeviceResult
  // reads `data.result`.
  it('UserApi.getUserOnlineLoginDeviceList and forceUserLogoutFromSingleDevice', async () => {
    await t.control('POST', `${control}/sdkuser1/devices`, { res: 'android_42', device_uuid: 'd-42', device_name: 'Pixel' });
    const listed = await sdk('GET', '/users/sdkuser1/resources');
    expect(listed.status, listed.text).toBe(200);
    expect(listed.body.data).toEqual([{ res: 'android_42', device_uuid: 'd-42', device_name: 'Pixel' }]);
    const off = await sdk('DELETE', '/users/sdkuser1/disconnect/android_42');
    expect(off.status, off.text).toBe(200);
    expect(off.body.data.result).toBe(true);
    expect((await sdk('GET', '/users/sdkuser1/resources')).body.data).toEqual([]);
  });

  // BlockApi.getBlockListCall: GET /users/{owner_username}/blocks/users with the optional query
  // pairs pageSize and cursor (added only when not null); EMGetBlockListResult reads `data`,
  // `cursor` and `count`. BlockApi.addUserToBlockListCall posts {"usernames": [...]}.
  it('BlockApi.getBlockList, paged', async () => {
    await t.register('sdkblk', 'sdkb1', 'sdkb2', 'sdkb3');
    for (const name of ['sdkb1', 'sdkb2', 'sdkb3']) {
      expect((await sdk('POST', '/users/sdkblk/blocks/users', { usernames: [name] })).status).toBe(200);
    }
    const first = await sdk('GET', '/users/sdkblk/blocks/users?pageSize=2');
    expect(first.status, first.text).toBe(200);
    expect(first.body.count).toBe(2);
    expect(typeof first.body.cursor).toBe('string');
    const rest = await sdk('GET', `/users/sdkblk/blocks/users?pageSize=2&cursor=${encodeURIComponent(first.body.cursor)}`);
    expect([...first.body.data, ...rest.body.data].sort()).toEqual(['sdkb1', 'sdkb2', 'sdkb3']);
    expect(rest.body.cursor).toBeUndefined();
  });

  // ContactApi.importContactListCall: POST /users/{username}/contacts/import with the query pair
  // isSendNotice, body EMImportContactList {"usernames": [...]}; its result reads data.success
  // and the failure lists. ContactApi.setContactNoteCall: PUT
  // /users/{owner_username}/contacts/users/{friend_username} (plural users, where the vendor's
  // page writes /user/), body EMSetContactNote {"remark"}. ContactApi.getContactListCall: GET
  // /users/{owner_username}/contacts with limit, cursor and needReturnRemark pairs.
  it('ContactApi.importContactList, setContactNote and getContactList', async () => {
    await t.register('sdkown', 'sdkf1', 'sdkf2');
    const imported = await sdk('POST', '/users/sdkown/contacts/import?isSendNotice=false', { usernames: ['sdkf1', 'sdkf2'] });
    expect(imported.status, imported.text).toBe(200);
    expect(imported.body.data.success).toEqual(['sdkf1', 'sdkf2']);
    const noted = await sdk('PUT', '/users/sdkown/contacts/users/sdkf1', { remark: 'from the SDK' });
    expect(noted.status, noted.text).toBe(200);
    expect(noted.body.status).toBe('ok');
    const listed = await sdk('GET', '/users/sdkown/contacts?limit=10&needReturnRemark=true');
    expect(listed.status, listed.text).toBe(200);
    expect(listed.body.data.contacts).toEqual(expect.arrayContaining([{ remark: 'from the SDK', username: 'sdkf1' }, { remark: null, username: 'sdkf2' }]));
  });

  // UserApi.modifyPushNicknamesCall: PUT /push/nickname, body a JSON array of
  // EMModifyPushNickname {"username", "push_nickname"}; EMModifyPushNicknamesResult reads
  // `entities`.
  it('UserApi.modifyPushNicknames', async () => {
    const answer = await sdk('PUT', '/push/nickname', [{ username: 'sdkuser1', push_nickname: 'SDK one' }, { username: 'sdkuser2', push_nickname: 'SDK two' }]);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.entities).toEqual([{ push_nickname: 'SDK one', username: 'sdkuser1' }, { push_nickname: 'SDK two', username: 'sdkuser2' }]);
    expect((await sdk('GET', '/users/sdkuser2')).body.entities[0].nickname).toBe('SDK two');
  });

  // UserApi.setUserGlobalMuteCall: POST /mutes, body EMSetUserGlobalMute {"username", "chat",
  // "groupchat", "chatroom"} (Integer fields, left out by Gson when null);
  // getUserGlobalMuteCall: GET /mutes/{username}; getAllGloballyMutedUsersCall: GET /mutes with
  // the pageNum and pageSize pairs. Their results read `data`.
  it('UserApi.setUserGlobalMute, getUserGlobalMute and getAllGloballyMutedUsers', async () => {
    const set = await sdk('POST', '/mutes', { username: 'sdkuser1', chat: 100, groupchat: 0, chatroom: -1 });
    expect(set.status, set.text).toBe(200);
    expect(set.body.data.result).toBe('ok');
    const one = await sdk('GET', '/mutes/sdkuser1');
    expect(one.body.data).toMatchObject({ chat: 100, groupchat: 0, chatroom: -1 });
    const all = await sdk('GET', '/mutes?pageNum=1&pageSize=10');
    expect(all.status, all.text).toBe(200);
    expect(all.body.data.data).toEqual(expect.arrayContaining([{ username: 'sdkuser1', chat: 100 }, { username: 'sdkuser1', chatroom: -1 }]));
  });

  // MetadataApi.setUserMetadataCall: PUT /metadata/user/{username} with each map entry as a form
  // parameter, Content-Type application/x-www-form-urlencoded (OkHttp's FormBody, no charset);
  // getUserMetadataCall, deleteUserMetadataCall: GET and DELETE on the same path;
  // getUserMetadataCapacityCall: GET /metadata/user/capacity. Their results read `data`.
  it('MetadataApi.setUserMetadata, getUserMetadata, getUserMetadataCapacity and deleteUserMetadata', async () => {
    const set = await call(t.app, 'PUT', '/metadata/user/sdkuser1', {
      token: t.token,
      raw: 'nickname=SDK%20user&avatarurl=https%3A%2F%2Fexample.com%2Fa.png',
      headers: { accept: 'application/json', 'user-agent': 'Easemob-ServerSDK2.0_Java_2.0.0', 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(set.status, set.text).toBe(200);
    expect(set.body.data).toEqual({ nickname: 'SDK user', avatarurl: 'https://example.com/a.png' });
    expect((await sdk('GET', '/metadata/user/sdkuser1')).body.data).toEqual({ avatarurl: 'https://example.com/a.png', nickname: 'SDK user' });
    const capacity = await sdk('GET', '/metadata/user/capacity');
    expect(capacity.body.data).toBe('nickname'.length + 'SDK user'.length + 'avatarurl'.length + 'https://example.com/a.png'.length);
    expect((await sdk('DELETE', '/metadata/user/sdkuser1')).body.data).toBe(true);
    expect((await sdk('GET', '/metadata/user/sdkuser1')).body.data).toEqual({});
  });
});
