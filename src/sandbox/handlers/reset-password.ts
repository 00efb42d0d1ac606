// PUT /users/{username}/password (resetPassword): body {"newpassword"}.
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
  if (!ctx.store.users.setPassword(user.seq, hash, ctx.now)) throw errors.notFound();
  return { body: { action: 'set user password', timestamp: ctx.now, duration: duration(ctx) } };
};
