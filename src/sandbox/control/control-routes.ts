// The control API's routes, under /_sandbox.
import type { Route } from '../routes.ts';
import { advanceClock } from './advance-clock.ts';
import { connectDevice } from './connect-device.ts';
import type { ControlHandler } from './control-context.ts';
import { controlIndex } from './control-index.ts';
import { setGlobalMuteFeature } from './set-global-mute-feature.ts';
import { queueOfflineMessage } from './queue-offline-message.ts';
import { setOnline } from './set-online.ts';
import { setRegistrationMode } from './set-registration-mode.ts';

export const CONTROL_PREFIX = '/_sandbox';

export interface ControlRoute extends Pick<Route, 'method' | 'path'> {
  handler: ControlHandler;
}

export const controlRoutes: ControlRoute[] = [
  { method: 'GET', path: '/', handler: controlIndex },
  { method: 'PUT', path: '/{org}/{app}/users/{username}/online', handler: setOnline },
  { method: 'POST', path: '/{org}/{app}/users/{username}/offline_messages', handler: queueOfflineMessage },
  { method: 'PUT', path: '/{org}/{app}/registration', handler: setRegistrationMode },
  { method: 'POST', path: '/{org}/{app}/users/{username}/devices', handler: connectDevice },
  { method: 'PUT', path: '/{org}/{app}/global_mute', handler: setGlobalMuteFeature },
  { method: 'POST', path: '/clock', handler: advanceClock },
];
