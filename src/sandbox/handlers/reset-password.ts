// PUT /users/{username}/password (resetPassword): body {"newpassword"}. Like the service, a reset
// revokes the user's tokens and takes the user offline (its devices must log in again).
import type { Handler } from '../context.ts';
import { findUser } from '../find-user.ts';
import { errors } from '../http/api-error.ts';
import { duration } from '../http/envelope.ts';
import { hashPassword } from '../security/password-hash.ts';
import { checkPassword, isObject } from '../validation/user-fields.ts';

export const resetPassword: Handler = async (ctx) => {
  const user = findUser(ctx, ctx.params.username);
  const body = ctx.body;
  if (!isObject(body) || body.newpassword === undefined || body.newpassword === null || body.newpassword === '') {
    throw errors.newPasswordMissing();
  }
  const password = checkPassword(body.newpassword);
  const hash = await hashPassword(password, ctx.settings.scryptCost);
  // The user may have been deleted (or deleted and registered again, as another row) while the
  // hash was computed: then nothing was changed, and the answer says so.
  const changed = ctx.store.transaction(() => {
    if (!ctx.store.users.setPassword(user.seq, hash, ctx.now)) return false;
    ctx.store.userTokens.revokeAll(user.seq);
    ctx.store.users.setOnline(user.seq, false);
    return true;
  });
  if (!changed) throw errors.notFound();
  return { body: { action: 'set user password', timestamp: ctx.now, duration: duration(ctx) } };
};
