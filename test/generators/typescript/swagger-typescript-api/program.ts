// swagger-typescript-api: one `Api` class, operations grouped by their path's first segment
// (api.users.getUser), each resolving to the fetch Response with `data` set and rejecting with it
// (`error` set) on any other status. The token goes in through its securityWorker, the way its
// README shows, because every operation here is `secure`.
import { Api, type ErrorBody, type HttpResponse } from './generated/api';
import { appToken, environment, runScenario } from './scenario';

let appTokenValue = '';
const api = new Api<string>({
  baseUrl: environment().baseUrl,
  securityWorker: (token) => (token ? { headers: { Authorization: `Bearer ${token}` } } : {}),
});
const as = (token: string) => api.setSecurityData(token);

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(`swagger-typescript-api: ${message}`);
}

/** The status a call was refused with: the client rejects with the Response, `error` decoded. */
async function refused(call: Promise<unknown>): Promise<HttpResponse<unknown, ErrorBody>> {
  try {
    await call;
  } catch (answer) {
    if (answer instanceof Response) return answer as HttpResponse<unknown, ErrorBody>;
    throw answer;
  }
  throw new Error('expected a refusal, the call succeeded');
}

const names: string[] = [];
await runScenario({
  async getToken(clientId, clientSecret) {
    const { data } = await api.token.getToken({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret });
    appTokenValue = appToken(data);
    return appTokenValue;
  },
  async register(token, username, password) {
    as(token);
    names.push(username);
    return (await api.users.createUsers({ username, password })).data.entities[0]!.username;
  },
  async getUser(token, username) {
    as(token);
    return (await api.users.getUser(username)).data.entities[0]!.username;
  },
  async listUsers(token, limit, cursor) {
    as(token);
    const { data } = await api.users.listUsers({ limit, cursor });
    return { usernames: data.entities.map((u) => u.username), cursor: data.cursor };
  },
  async getMissingUser(token, username) {
    as(token);
    const answer = await refused(api.users.getUser(username));
    return { status: answer.status, error: answer.error.error, errorDescription: answer.error.error_description };
  },
});

// Beyond the common scenario: the rest of the operations but deleteUsers (it deletes the app's
// oldest users) and disconnectDevice (it needs a signed-in device).
const [owner, friend, other] = names as [string, string, string];
let calls = 0;
const call = async <T>(promise: Promise<HttpResponse<T, unknown>>): Promise<T> => {
  calls++;
  return (await promise).data;
};

await call(api.users.addContact(owner, friend));
check((await call(api.users.listContacts(owner))).data.join() === friend, 'the friend listed');
await call(api.user.setContactRemark(owner, friend, { remark: 'from swagger-typescript-api' }));
const remarked = (await call(api.users.listContacts(owner, { needReturnRemark: true }))).entities;
check(remarked?.[0]?.remark === 'from swagger-typescript-api', `the remark listed, got ${JSON.stringify(remarked)}`);
check((await call(api.user.listContactsPage(owner, { limit: 10 }))).data.contacts.some((c) => c.username === friend), 'the friend on the contact page');
check((await call(api.contacts.checkContacts({ username: owner, check_list: [friend, other] }))).entities.length === 2, 'two relations checked');
check((await call(api.users.importContacts(owner, { usernames: [other] }, { isSendNotice: false }))).data.success.join() === other, 'the contact imported');
await call(api.users.removeContact(owner, other));

await call(api.users.addBlocks(owner, { usernames: [other] }));
check((await call(api.users.listBlocks(owner))).data.join() === other, 'the block listed');
check((await call(api.users.listBlocks(owner, { pageSize: 2 }))).data.join() === other, 'the block on its page');
await call(api.blocks.checkBlocks({ username: owner, check_list: [other] }));
await call(api.users.removeBlock(owner, other));
await call(api.users.removeContact(owner, friend));

check((await call(api.users.updateUser(owner, { nickname: 'Swagger' }))).entities[0]!.nickname === 'Swagger', 'the nickname updated');
await call(api.push.updatePushNicknames([{ username: friend, push_nickname: 'Duke' }]));
await call(api.users.resetPassword(owner, { newpassword: 'secret-456' }));

// A user token from the inherit grant (the app token sent with it), then used as that user.
const inherited = await call(api.token.getToken({ grant_type: 'inherit', username: friend }));
check('user' in inherited && inherited.user.username === friend, `an inherited user token, got ${JSON.stringify(inherited)}`);
as(inherited.access_token);
check((await call(api.users.getUser(friend))).entities[0]!.username === friend, 'a user token reads its own user');
check((await refused(api.users.listUsers())).status === 401, 'a user token may not list users');
as(appTokenValue);

check((await call(api.users.getStatus(owner))).data[owner] === 'offline', "the user's state keyed by name");
check('1234567890' in (await call(api.users.getOfflineMessageStatus(owner, '1234567890'))).data, "the message's state keyed by id");
// Path parameters go into the URL as they are: a message id (opaque to the description) with a
// reserved character names another resource, here the id before the '#'. Encoded by the caller,
// it arrives whole (docs/generators.md).
const cut = Object.keys((await call(api.users.getOfflineMessageStatus(owner, 'pd7J8#20'))).data);
check(cut.join() === 'pd7J8', `an unencoded '#' cuts the id, got ${cut.join()}`);
check('pd7J8#20' in (await call(api.users.getOfflineMessageStatus(owner, encodeURIComponent('pd7J8#20')))).data, 'an id encoded by the caller arrives whole');
await call(api.users.getUsersStatus({ usernames: [owner, friend] }));
await call(api.users.getOfflineMessageCount(owner));
await call(api.users.listUserDevices(owner));

// A form body (application/x-www-form-urlencoded), the one operation that takes one.
check((await call(api.metadata.setUserAttributes(owner, { nickname: 'Swagger', gender: '1' }))).data.nickname === 'Swagger', 'attributes set');
check((await call(api.metadata.getUserAttributes(owner))).data.gender === '1', 'attributes read back');
check(owner in (await call(api.metadata.getUsersAttributes({ targets: [owner], properties: ['nickname'] }))).data, 'attributes of several users');
await call(api.metadata.getAttributesCapacity());
check((await call(api.metadata.deleteUserAttributes(owner))).data === true, 'attributes deleted');

await call(api.mutes.setGlobalMute({ username: other, chat: 60 }));
const chat = (await call(api.mutes.getGlobalMute(other))).data.chat;
check(chat !== undefined && chat > 0 && chat <= 60, `the mute read back, got ${chat}`);
check((await call(api.mutes.listGlobalMutes({ pageNum: 1, pageSize: 10 }))).data.data.some((m) => m.username === other), 'the mute listed');

await call(api.users.deactivateUser(other));
await call(api.users.activateUser(other));
check((await call(api.users.disconnectUser(other))).data.result === true, 'disconnected');
await call(api.users.deleteUser(other));
check((await refused(api.users.getUser(other))).status === 404, 'the deleted user is gone');
console.log(`swagger-typescript-api: ${calls} more calls decoded`);
