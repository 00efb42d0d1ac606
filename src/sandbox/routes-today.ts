// The operations the vendor documented after the 2015 guide (openapi: x-first-documented), kept
// apart from the 20 of routes.ts. Same fields; one handler file per operationId in handlers/.
import type { Route } from './routes.ts';
import { checkBlocks } from './handlers/check-blocks.ts';
import { disconnectDevice } from './handlers/disconnect-device.ts';
import { getUsersStatus } from './handlers/get-users-status.ts';
import { listUserDevices } from './handlers/list-user-devices.ts';

export const todayRoutes: Route[] = [
  { operationId: 'getUsersStatus', method: 'POST', path: '/users/batch/status', auth: 'token', body: true, handler: getUsersStatus },
  { operationId: 'listUserDevices', method: 'GET', path: '/users/{username}/resources', auth: 'token', body: false, handler: listUserDevices },
  { operationId: 'disconnectDevice', method: 'DELETE', path: '/users/{username}/disconnect/{resourceId}', auth: 'token', body: false, handler: disconnectDevice },
  { operationId: 'checkBlocks', method: 'POST', path: '/blocks/check', auth: 'token', body: true, handler: checkBlocks },
];
