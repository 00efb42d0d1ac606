// POST /_sandbox/{org}/{app}/users/{username}/devices {"res": "android_1", "device_uuid"?, "device_name"?}
// Signs the user in on a device, as a chat client would: the user is online and the device is
// listed by GET /users/{u}/resources until it is disconnected. The same `res` again replaces it.
// A deactivated user cannot sign in.
import { randomUUID } from 'node:crypto';
import { errors } from '../http/api-error.ts';
import { isObject } from '../validation/user-fields.ts';
import type { ControlHandler } from './control-context.ts';
import { findControlUser } from './find-control-user.ts';

/** `<device type>_<id>` (account_online_device_obtain.md), as openapi/components/parameters/ResourceId.yaml. */
export const RESOURCE_ID_PATTERN = /^[a-z]+_[A-Za-z0-9_.-]+$/;

function optionalText(value: unknown, name: string, max: number): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '' || value.length > max) throw errors.illegalArgument(`${name} must be a string of 1 to ${max} characters`);
  return value;
}

export const connectDevice: ControlHandler = (ctx) => {
  const { user } = findControlUser(ctx);
  const body = ctx.body;
  const res = isObject(body) ? body.res : undefined;
  if (typeof res !== 'string' || res.length > 128 || !RESOURCE_ID_PATTERN.test(res)) {
    throw errors.illegalArgument('res must be <device type>_<id>, e.g. android_123, at most 128 characters');
  }
  const fields = isObject(body) ? body : {};
  const device = {
    res,
    device_uuid: optionalText(fields.device_uuid, 'device_uuid', 128) ?? randomUUID(),
    device_name: optionalText(fields.device_name, 'device_name', 256) ?? `sandbox-${res.slice(0, res.indexOf('_'))}`,
  };
  if (!user.activated) throw errors.illegalArgument('a deactivated user cannot sign in');
  ctx.store.transaction(() => {
    ctx.store.users.setOnline(user.seq, true);
    ctx.store.devices.connect(user.seq, device, ctx.clock.now());
  });
  return { status: 201, body: { username: user.username, ...device, devices: ctx.store.devices.list(user.seq).length } };
};
