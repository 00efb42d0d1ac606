// DELETE /metadata/user/{username} (deleteUserAttributes): deletes every attribute; `data` is
// true, also when the user or its attributes do not exist (userprofile.md). A name that cannot
// be a username is 400.
import type { Handler } from '../context.ts';
import { duration } from '../http/envelope.ts';
import { checkUsername } from '../validation/user-fields.ts';

export const deleteUserAttributes: Handler = (ctx) => {
  const user = ctx.store.users.find(ctx.app.id, checkUsername(ctx.params.username));
  if (user) ctx.store.attributes.clear(user.seq);
  return { body: { timestamp: ctx.now, duration: duration(ctx), data: true } };
};
