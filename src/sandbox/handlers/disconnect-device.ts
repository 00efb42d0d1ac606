// DELETE /users/{username}/disconnect/{resourceId} (disconnectDevice): signs the user out of one
// device; its other devices stay connected, and with none left it is offline. A device the user
// is not signed in on is a 404 here: the vendor's page (account_offline_device_single.md)
// documents `result: false` without saying when, so the sandbox does not guess one.
import type { Handler } from '../context.ts';
import { findUser } from '../find-user.ts';
import { errors } from '../http/api-error.ts';
import { envelope } from '../http/envelope.ts';

export const disconnectDevice: Handler = (ctx) => {
  const user = findUser(ctx, ctx.params.username);
  const res = ctx.params.resourceId ?? '';
  ctx.store.transaction(() => {
    if (!ctx.store.devices.remove(user.seq, res)) throw errors.notFound();
    if (ctx.store.devices.count(user.seq) === 0) ctx.store.users.setOnline(user.seq, false);
  });
  return { body: envelope(ctx, { action: 'delete', data: { result: true } }) };
};
