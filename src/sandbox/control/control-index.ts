// GET /_sandbox/: the control API's index, the link the sandbox's banner prints. Lists every
// control route (from control-routes.ts, so none is left out) with its body and what it does.
import type { ControlHandler } from './control-context.ts';
import { CONTROL_PREFIX, controlRoutes } from './control-routes.ts';

const about: Record<string, { body?: unknown; does: string }> = {
  'GET /': { does: 'this index' },
  'PUT /{org}/{app}/users/{username}/online': {
    body: { online: true },
    does: 'marks the user online (false: offline); coming online delivers its waiting offline messages',
  },
  'POST /{org}/{app}/users/{username}/offline_messages': {
    body: { msg_id: '12', delivered: false },
    does: 'records a message sent while the user was offline; answers 201 with the count waiting',
  },
  'POST /{org}/{app}/users/{username}/devices': {
    body: { res: 'android_1', device_name: 'Pixel 9' },
    does: 'signs the user in on a device (res: <device type>_<id>): online, and listed by GET /users/{username}/resources until disconnected',
  },
  'PUT /{org}/{app}/global_mute': { body: { enabled: true }, does: "the console's global-mute switch for the app: off, the /mutes operations answer 403 forbidden_op" },
  'PUT /{org}/{app}/registration': { body: { open: true }, does: 'open (true) or authorized (false) registration for the app' },
  'POST /clock': { body: { advance_seconds: 3600 }, does: 'moves the sandbox clock forward, e.g. to expire tokens; answers the new time' },
};

export const controlIndex: ControlHandler = () => ({
  body: {
    about: 'The sandbox control API: not part of the Easemob service; no token, not rate-limited. More in docs/sandbox.md, "Control API".',
    operations: controlRoutes.map((route) => {
      const entry = about[`${route.method} ${route.path}`];
      return {
        method: route.method,
        path: `${CONTROL_PREFIX}${route.path}`,
        ...(entry?.body === undefined ? {} : { body: entry.body }),
        does: entry?.does ?? '(undocumented)',
      };
    }),
  },
});
