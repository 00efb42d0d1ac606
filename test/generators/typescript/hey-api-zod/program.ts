// @hey-api/openapi-ts with its zod plugin and the SDK's validator: every request is checked by
// the zod schemas before it goes, and every answer before it is handed back (a failure rejects
// with zod's error). Beyond the scenario it runs every operation but deleteUsers (it deletes the
// app's oldest users) and disconnectDevice (it needs a signed-in device), so each answer schema
// meets the sandbox's answers.
import { createClient } from './generated/client/index';
import * as sdk from './generated/sdk.gen';
import type { ErrorBody } from './generated/types.gen';
import { zTokenResponse } from './generated/zod.gen';
import { appToken, environment, runScenario } from './scenario';

const client = createClient({ baseUrl: environment().baseUrl });
let token = '';
const as = (t: string) => ({ client, auth: t, throwOnError: true as const });

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(`hey-api (zod): ${message}`);
}

const names: string[] = [];
await runScenario({
  async getToken(clientId, clientSecret) {
    const { data } = await sdk.getToken({ client, body: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }, throwOnError: true });
    token = appToken(data);
    return token;
  },
  async register(t, username, password) {
    names.push(username);
    return (await sdk.createUsers({ ...as(t), body: { username, password } })).data.entities[0]!.username;
  },
  async getUser(t, username) {
    return (await sdk.getUser({ ...as(t), path: { username } })).data.entities[0]!.username;
  },
  async listUsers(t, limit, cursor) {
    const { data } = await sdk.listUsers({ ...as(t), query: { limit, cursor } });
    return { usernames: data.entities.map((u) => u.username), cursor: data.cursor };
  },
  async getMissingUser(t, username) {
    const { error, response } = await sdk.getUser({ client, auth: t, path: { username } });
    const body = error as ErrorBody;
    return { status: response!.status, error: body.error, errorDescription: body.error_description };
  },
});

const [owner, friend, other] = names as [string, string, string];
const app = as(token);
let calls = 0;
const call = async <T>(promise: Promise<{ data: T }>): Promise<T> => {
  calls++;
  return (await promise).data;
};
const pair = { owner_username: owner, friend_username: friend };

await call(sdk.addContact({ ...app, path: pair }));
check((await call(sdk.listContacts({ ...app, path: { owner_username: owner } }))).data.join() === friend, 'the friend listed');
await call(sdk.setContactRemark({ ...app, path: pair, body: { remark: 'from hey-api' } }));
const remarked = (await call(sdk.listContacts({ ...app, path: { owner_username: owner }, query: { needReturnRemark: true } }))).entities;
check(remarked?.[0]?.remark === 'from hey-api', `the remark listed, got ${JSON.stringify(remarked)}`);
check((await call(sdk.listContactsPage({ ...app, path: { username: owner }, query: { limit: 10 } }))).data.contacts.some((c) => c.username === friend), 'the friend on the contact page');
check((await call(sdk.checkContacts({ ...app, body: { username: owner, check_list: [friend, other] } }))).entities.length === 2, 'two relations checked');
check((await call(sdk.importContacts({ ...app, path: { username: owner }, body: { usernames: [other] }, query: { isSendNotice: false } }))).data.success.join() === other, 'the contact imported');
await call(sdk.removeContact({ ...app, path: { owner_username: owner, friend_username: other } }));

await call(sdk.addBlocks({ ...app, path: { owner_username: owner }, body: { usernames: [other] } }));
check((await call(sdk.listBlocks({ ...app, path: { owner_username: owner } }))).data.join() === other, 'the block listed');
check((await call(sdk.listBlocks({ ...app, path: { owner_username: owner }, query: { pageSize: 2 } }))).data.join() === other, 'the block on its page');
await call(sdk.checkBlocks({ ...app, body: { username: owner, check_list: [other] } }));
await call(sdk.removeBlock({ ...app, path: { owner_username: owner, blocked_username: other } }));
await call(sdk.removeContact({ ...app, path: pair }));

check((await call(sdk.updateUser({ ...app, path: { username: owner }, body: { nickname: 'Zod' } }))).entities[0]!.nickname === 'Zod', 'the nickname updated');
await call(sdk.updatePushNicknames({ ...app, body: [{ username: friend, push_nickname: 'Duke' }] }));
await call(sdk.resetPassword({ ...app, path: { username: owner }, body: { newpassword: 'secret-456' } }));

// A user token from the inherit grant (the app token sent with it), then used as that user.
const inherited = await call(sdk.getToken({ ...app, body: { grant_type: 'inherit', username: friend } }));
check('user' in inherited && inherited.user.username === friend, `an inherited user token, got ${JSON.stringify(inherited)}`);
const asUser = as(inherited.access_token);
check((await call(sdk.getUser({ ...asUser, path: { username: friend } }))).entities[0]!.username === friend, 'a user token reads its own user');
check((await sdk.listUsers({ client, auth: inherited.access_token })).response?.status === 401, 'a user token may not list users');

check((await call(sdk.getStatus({ ...app, path: { username: owner } }))).data[owner] === 'offline', "the user's state keyed by name");
check('1234567890' in (await call(sdk.getOfflineMessageStatus({ ...app, path: { username: owner, msg_id: '1234567890' } }))).data, "the message's state keyed by id");
await call(sdk.getUsersStatus({ ...app, body: { usernames: [owner, friend] } }));
await call(sdk.getOfflineMessageCount({ ...app, path: { owner_username: owner } }));
await call(sdk.listUserDevices({ ...app, path: { username: owner } }));

// The form body (application/x-www-form-urlencoded).
check((await call(sdk.setUserAttributes({ ...app, path: { username: owner }, body: { nickname: 'Zod', gender: '1' } }))).data.nickname === 'Zod', 'attributes set');
check((await call(sdk.getUserAttributes({ ...app, path: { username: owner } }))).data.gender === '1', 'attributes read back');
check(owner in (await call(sdk.getUsersAttributes({ ...app, body: { targets: [owner], properties: ['nickname'] } }))).data, 'attributes of several users');
await call(sdk.getAttributesCapacity({ ...app }));
check((await call(sdk.deleteUserAttributes({ ...app, path: { username: owner } }))).data === true, 'attributes deleted');

await call(sdk.setGlobalMute({ ...app, body: { username: other, chat: 60 } }));
const chat = (await call(sdk.getGlobalMute({ ...app, path: { username: other } }))).data.chat;
check(chat > 0 && chat <= 60, `the mute read back, got ${chat}`);
check((await call(sdk.listGlobalMutes({ ...app, query: { pageNum: 1, pageSize: 10 } }))).data.data.some((m) => m.username === other), 'the mute listed');

await call(sdk.deactivateUser({ ...app, path: { username: other } }));
await call(sdk.activateUser({ ...app, path: { username: other } }));
check((await call(sdk.disconnectUser({ ...app, path: { username: other } }))).data.result === true, 'disconnected');
await call(sdk.deleteUser({ ...app, path: { username: other } }));
check((await sdk.getUser({ client, auth: token, path: { username: other } })).response?.status === 404, 'the deleted user is gone');
// The validator is on: a request its schema refuses is refused before it is sent.
const refusal = await sdk.getUser({ ...app, path: { username: 'no spaces' } }).then(
  () => undefined,
  (error: unknown) => error,
);
check(refusal instanceof Error && refusal.name === 'ZodError', `a username with a space refused by zod, got ${String(refusal)}`);
// int64 is a bigint to its zod schemas: parsed by hand, expires_in is 5184000n, not the number
// types.gen.ts declares. The SDK's validator only checks and hands back the JSON as it came.
const issued = await call(sdk.getToken({ ...app, body: { grant_type: 'inherit', username: owner } }));
check(typeof issued.expires_in === 'number', 'the SDK hands back expires_in as a number');
check(typeof zTokenResponse.shape.expires_in.parse(issued.expires_in) === 'bigint', 'zod parses an int64 into a bigint');
console.log(`hey-api (zod): ${calls} more calls, each request and answer validated by zod`);
