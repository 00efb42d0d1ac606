// The operations the vendor documented after the 2015 guide (openapi: x-first-documented), kept
// apart from the 20 of routes.ts. Same fields; one handler file per operationId in handlers/.
import type { Route } from './routes.ts';
import { getUsersStatus } from './handlers/get-users-status.ts';

export const todayRoutes: Route[] = [
  { operationId: 'getUsersStatus', method: 'POST', path: '/users/batch/status', auth: 'token', body: true, handler: getUsersStatus },
];
