// The operations the vendor documented after the 2015 guide (openapi: x-first-documented), kept
// apart from the 20 of routes.ts. Same fields; one handler file per operationId in handlers/.
import type { Route } from './routes.ts';
import { checkBlocks } from './handlers/check-blocks.ts';
import { checkContacts } from './handlers/check-contacts.ts';
import { deleteUserAttributes } from './handlers/delete-user-attributes.ts';
import { disconnectDevice } from './handlers/disconnect-device.ts';
import { getAttributesCapacity } from './handlers/get-attributes-capacity.ts';
import { getGlobalMute } from './handlers/get-global-mute.ts';
import { getUserAttributes } from './handlers/get-user-attributes.ts';
import { getUsersAttributes } from './handlers/get-users-attributes.ts';
import { getUsersStatus } from './handlers/get-users-status.ts';
import { importContacts } from './handlers/import-contacts.ts';
import { listGlobalMutes } from './handlers/list-global-mutes.ts';
import { listContactsPage } from './handlers/list-contacts-page.ts';
import { listUserDevices } from './handlers/list-user-devices.ts';
import { setGlobalMute } from './handlers/set-global-mute.ts';
import { setUserAttributes } from './handlers/set-user-attributes.ts';
import { setContactRemark } from './handlers/set-contact-remark.ts';
import { updatePushNicknames } from './handlers/update-push-nicknames.ts';

export const todayRoutes: Route[] = [
  { operationId: 'getUsersStatus', method: 'POST', path: '/users/batch/status', auth: 'token', body: true, handler: getUsersStatus },
  { operationId: 'listUserDevices', method: 'GET', path: '/users/{username}/resources', auth: 'token', body: false, handler: listUserDevices },
  { operationId: 'disconnectDevice', method: 'DELETE', path: '/users/{username}/disconnect/{resourceId}', auth: 'token', body: false, handler: disconnectDevice },
  { operationId: 'checkBlocks', method: 'POST', path: '/blocks/check', auth: 'token', body: true, handler: checkBlocks },
  { operationId: 'checkContacts', method: 'POST', path: '/contacts/check', auth: 'token', body: true, handler: checkContacts },
  { operationId: 'importContacts', method: 'POST', path: '/users/{username}/contacts/import', auth: 'token', body: true, handler: importContacts },
  { operationId: 'listContactsPage', method: 'GET', path: '/user/{username}/contacts', auth: 'token', body: false, handler: listContactsPage },
  { operationId: 'setContactRemark', method: 'PUT', path: '/user/{owner_username}/contacts/users/{friend_username}', auth: 'token', body: true, handler: setContactRemark },
  { operationId: 'updatePushNicknames', method: 'PUT', path: '/push/nickname', auth: 'token', body: true, handler: updatePushNicknames },
  { operationId: 'setGlobalMute', method: 'POST', path: '/mutes', auth: 'token', body: true, handler: setGlobalMute },
  { operationId: 'listGlobalMutes', method: 'GET', path: '/mutes', auth: 'token', body: false, handler: listGlobalMutes },
  { operationId: 'getGlobalMute', method: 'GET', path: '/mutes/{username}', auth: 'token', body: false, handler: getGlobalMute },
  // capacity before {username}: the literal path wins, as in the description's matching.
  { operationId: 'getAttributesCapacity', method: 'GET', path: '/metadata/user/capacity', auth: 'token', body: false, handler: getAttributesCapacity },
  { operationId: 'getUsersAttributes', method: 'POST', path: '/metadata/user/get', auth: 'token', body: true, handler: getUsersAttributes },
  { operationId: 'setUserAttributes', method: 'PUT', path: '/metadata/user/{username}', auth: 'token', body: true, form: true, handler: setUserAttributes },
  { operationId: 'getUserAttributes', method: 'GET', path: '/metadata/user/{username}', auth: 'token', body: false, handler: getUserAttributes },
  { operationId: 'deleteUserAttributes', method: 'DELETE', path: '/metadata/user/{username}', auth: 'token', body: false, handler: deleteUserAttributes },
  // The Java SDK 2.0 (ContactApi.getContactListCall, setContactNoteCall) sends these two to
  // /users/… where the vendor's pages write /user/…: the same handlers answer both spellings.
  { operationId: 'listContactsPage', method: 'GET', path: '/users/{username}/contacts', auth: 'token', body: false, handler: listContactsPage },
  { operationId: 'setContactRemark', method: 'PUT', path: '/users/{owner_username}/contacts/users/{friend_username}', auth: 'token', body: true, handler: setContactRemark },
];
