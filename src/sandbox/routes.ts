// The 20 operations: method, path under the app prefix, how the caller must authenticate,
// whether a JSON body is read, and the handler (one file per operationId in handlers/).
import type { Handler } from './context.ts';
import { activateUser } from './handlers/activate-user.ts';
import { addBlocks } from './handlers/add-blocks.ts';
import { addContact } from './handlers/add-contact.ts';
import { createUsers } from './handlers/create-users.ts';
import { deactivateUser } from './handlers/deactivate-user.ts';
import { deleteUser } from './handlers/delete-user.ts';
import { deleteUsers } from './handlers/delete-users.ts';
import { disconnectUser } from './handlers/disconnect-user.ts';
import { getToken } from './handlers/get-token.ts';
import { getOfflineMessageCount } from './handlers/get-offline-message-count.ts';
import { getOfflineMessageStatus } from './handlers/get-offline-message-status.ts';
import { getStatus } from './handlers/get-status.ts';
import { getUser } from './handlers/get-user.ts';
import { listBlocks } from './handlers/list-blocks.ts';
import { listContacts } from './handlers/list-contacts.ts';
import { listUsers } from './handlers/list-users.ts';
import { removeBlock } from './handlers/remove-block.ts';
import { removeContact } from './handlers/remove-contact.ts';
import { resetPassword } from './handlers/reset-password.ts';
import { updateUser } from './handlers/update-user.ts';
import { todayRoutes } from './routes-today.ts';

/** token: the app token is required; none: no token (POST /token); registration: per app mode. */
export type AuthMode = 'token' | 'none' | 'registration';

export interface Route {
  operationId: string;
  method: string;
  path: string;
  auth: AuthMode;
  /** Reads a JSON body (limited to 1 MiB). Bodies sent to other operations are ignored. */
  body: boolean;
  /** The body is form-encoded, not JSON (user attributes); other media types answer 415. */
  form?: boolean;
  handler: Handler;
}

export const routes: Route[] = [
  { operationId: 'getToken', method: 'POST', path: '/token', auth: 'none', body: true, handler: getToken },
  { operationId: 'createUsers', method: 'POST', path: '/users', auth: 'registration', body: true, handler: createUsers },
  { operationId: 'listUsers', method: 'GET', path: '/users', auth: 'token', body: false, handler: listUsers },
  { operationId: 'deleteUsers', method: 'DELETE', path: '/users', auth: 'token', body: false, handler: deleteUsers },
  { operationId: 'getUser', method: 'GET', path: '/users/{username}', auth: 'token', body: false, handler: getUser },
  { operationId: 'updateUser', method: 'PUT', path: '/users/{username}', auth: 'token', body: true, handler: updateUser },
  { operationId: 'deleteUser', method: 'DELETE', path: '/users/{username}', auth: 'token', body: false, handler: deleteUser },
  { operationId: 'resetPassword', method: 'PUT', path: '/users/{username}/password', auth: 'token', body: true, handler: resetPassword },
  { operationId: 'addContact', method: 'POST', path: '/users/{owner_username}/contacts/users/{friend_username}', auth: 'token', body: false, handler: addContact },
  { operationId: 'removeContact', method: 'DELETE', path: '/users/{owner_username}/contacts/users/{friend_username}', auth: 'token', body: false, handler: removeContact },
  { operationId: 'listContacts', method: 'GET', path: '/users/{owner_username}/contacts/users', auth: 'token', body: false, handler: listContacts },
  { operationId: 'listBlocks', method: 'GET', path: '/users/{owner_username}/blocks/users', auth: 'token', body: false, handler: listBlocks },
  { operationId: 'addBlocks', method: 'POST', path: '/users/{owner_username}/blocks/users', auth: 'token', body: true, handler: addBlocks },
  { operationId: 'removeBlock', method: 'DELETE', path: '/users/{owner_username}/blocks/users/{blocked_username}', auth: 'token', body: false, handler: removeBlock },
  { operationId: 'getStatus', method: 'GET', path: '/users/{username}/status', auth: 'token', body: false, handler: getStatus },
  { operationId: 'getOfflineMessageCount', method: 'GET', path: '/users/{owner_username}/offline_msg_count', auth: 'token', body: false, handler: getOfflineMessageCount },
  { operationId: 'getOfflineMessageStatus', method: 'GET', path: '/users/{username}/offline_msg_status/{msg_id}', auth: 'token', body: false, handler: getOfflineMessageStatus },
  { operationId: 'deactivateUser', method: 'POST', path: '/users/{username}/deactivate', auth: 'token', body: false, handler: deactivateUser },
  { operationId: 'activateUser', method: 'POST', path: '/users/{username}/activate', auth: 'token', body: false, handler: activateUser },
  { operationId: 'disconnectUser', method: 'GET', path: '/users/{username}/disconnect', auth: 'token', body: false, handler: disconnectUser },
  ...todayRoutes,
];
