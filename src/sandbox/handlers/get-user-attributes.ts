// GET /metadata/user/{username} (getUserAttributes): every attribute, in `data`; a user that
// does not exist or has none gets {} (userprofile.md). A name that cannot be a username is 400.
import type { Handler } from '../context.ts';
import { duration } from '../http/envelope.ts';
import { checkUsername } from '../validation/user-fields.ts';

export const getUserAttributes: Handler = (ctx) => {
  const user = ctx.store.users.find(ctx.app.id, checkUsername(ctx.params.username));
  const data = user ? ctx.store.attributes.of(user.seq) : {};
  return { body: { timestamp: ctx.now, data, duration: duration(ctx) } };
};
