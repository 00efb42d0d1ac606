// What a user token may do. Usergrid checks every request against the caller's permissions
// (`<methods>:<path pattern>`, with `${user}` standing for the caller); a call without the
// permission answers 401 `unauthorized` "Subject does not have permission [applications:<method>:
// <app uuid>:<path>]" (org.apache.shiro.authz.UnauthorizedException). That is the answer the live
// service gives a user token on an admin operation (a captured answer is quoted in
// docs/sandbox.md). The service keeps user management for the app (admin) token.
//
// A user token may call what the vendor's web SDK calls with it: a browser holds no other token,
// so every REST call the released SDK makes from a logged-in page is one the service grants the
// user (easemob-websdk 4.21.1, Easemob-chat.js; each function named below). Nothing grants more:
// an operation no vendor client sends with a user token stays the app's.
import type { AppRecord } from '../storage/apps-store.ts';
import { usernameKey, type UserRecord } from '../storage/users-store.ts';

/** Operations a user may call on itself, the username in the path being its own. */
const OWN_OPERATIONS = new Map<string, string>([
  ['getUser', 'username'],
  ['updateUser', 'username'], // updateCurrentUserNick; uploadPushToken
  ['listContacts', 'owner_username'], // getContacts, getAllContacts
  ['listContactsPage', 'username'], // getContactsWithCursor
  ['removeContact', 'owner_username'], // deleteContact
  ['setContactRemark', 'owner_username'], // setContactRemark
  ['listBlocks', 'owner_username'], // getBlocklist
  ['listUserDevices', 'username'], // getSelfIdsOnOtherPlatform
  ['setUserAttributes', 'username'], // updateOwnUserInfo
]);

/** Operations that name no user in the path: fetchUserInfoById reads any users' attributes. */
const ANY_USER_OPERATIONS = new Set(['getUsersAttributes']);

export function userMayCall(operationId: string, params: Record<string, string>, user: UserRecord, app: AppRecord): boolean {
  if (operationId === 'createUsers') return app.openRegistration;
  if (ANY_USER_OPERATIONS.has(operationId)) return true;
  const parameter = OWN_OPERATIONS.get(operationId);
  const named = parameter === undefined ? undefined : params[parameter];
  return named !== undefined && usernameKey(named) === usernameKey(user.username);
}
