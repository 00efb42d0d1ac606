import type { operations, paths } from '../../generated/schema.js';

type Method = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';
/** `"GET /users/{username}"` for every operation the description declares. */
type OperationKey = {
  [P in keyof paths]: { [M in Method]: paths[P][M] extends undefined ? never : `${Uppercase<M>} ${P}` }[Method];
}[keyof paths];

/**
 * Names errors after the operation that failed. `satisfies` makes the type checker fail when the
 * description gains, loses or renames an operation and this table is not updated.
 */
const OPERATION_IDS = {
  'POST /token': 'getAppToken',
  'POST /users': 'createUsers',
  'GET /users': 'listUsers',
  'DELETE /users': 'deleteUsers',
  'GET /users/{username}': 'getUser',
  'PUT /users/{username}': 'updateNickname',
  'DELETE /users/{username}': 'deleteUser',
  'PUT /users/{username}/password': 'resetPassword',
  'POST /users/{owner_username}/contacts/users/{friend_username}': 'addContact',
  'DELETE /users/{owner_username}/contacts/users/{friend_username}': 'removeContact',
  'GET /users/{owner_username}/contacts/users': 'listContacts',
  'GET /users/{owner_username}/blocks/users': 'listBlocks',
  'POST /users/{owner_username}/blocks/users': 'addBlocks',
  'DELETE /users/{owner_username}/blocks/users/{blocked_username}': 'removeBlock',
  'GET /users/{username}/status': 'getStatus',
  'GET /users/{owner_username}/offline_msg_count': 'getOfflineMessageCount',
  'GET /users/{username}/offline_msg_status/{msg_id}': 'getOfflineMessageStatus',
  'POST /users/{username}/deactivate': 'deactivateUser',
  'POST /users/{username}/activate': 'activateUser',
  'GET /users/{username}/disconnect': 'disconnectUser',
  'POST /users/batch/status': 'getUsersStatus',
  'GET /users/{username}/resources': 'listUserDevices',
  'DELETE /users/{username}/disconnect/{resourceId}': 'disconnectDevice',
  'POST /blocks/check': 'checkBlocks',
  'GET /user/{username}/contacts': 'listContactsPage',
  'PUT /user/{owner_username}/contacts/users/{friend_username}': 'setContactRemark',
  'POST /users/{username}/contacts/import': 'importContacts',
  'POST /contacts/check': 'checkContacts',
  'PUT /push/nickname': 'updatePushNicknames',
  'POST /mutes': 'setGlobalMute',
  'GET /mutes': 'listGlobalMutes',
  'GET /mutes/{username}': 'getGlobalMute',
  'PUT /metadata/user/{username}': 'setUserAttributes',
  'GET /metadata/user/{username}': 'getUserAttributes',
  'DELETE /metadata/user/{username}': 'deleteUserAttributes',
  'POST /metadata/user/get': 'getUsersAttributes',
  'GET /metadata/user/capacity': 'getAttributesCapacity',
} as const satisfies Record<OperationKey, keyof operations>;

const byKey: Readonly<Record<string, string>> = OPERATION_IDS;

/** The operationId for a method and an OpenAPI path template, or `METHOD /path` if unknown. */
export function operationName(method: string, schemaPath: string): string {
  const key = `${method.toUpperCase()} ${schemaPath}`;
  return byKey[key] ?? key;
}
