// GET /users/{username}/resources (listUserDevices): the devices the user is signed in on, as
// the control API connected them (POST /_sandbox/{org}/{app}/users/{username}/devices); none once
// it is offline. Shape from account_online_device_obtain.md.
import type { Handler } from '../context.ts';
import { findUser } from '../find-user.ts';
import { envelope } from '../http/envelope.ts';

export const listUserDevices: Handler = (ctx) => {
  const user = findUser(ctx, ctx.params.username);
  return {
    body: envelope(ctx, { action: 'get', path: `/users/${user.username}/resources`, data: ctx.store.devices.list(user.seq) }),
  };
};
