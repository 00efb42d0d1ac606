// POST /users/{username}/deactivate (deactivateUser): the user can no longer log in, and is
// taken offline; its user tokens are revoked; the entity comes back with `activated: false`.
import type { Handler } from '../context.ts';
import { findUser } from '../find-user.ts';
import { duration } from '../http/envelope.ts';
import { toUserEntity } from '../user-entity.ts';

export const deactivateUser: Handler = (ctx) => {
  const user = findUser(ctx, ctx.params.username);
  ctx.store.transaction(() => {
    ctx.store.users.setActivated(user.seq, false, ctx.now);
    ctx.store.userTokens.revokeAll(user.seq);
  });
  const updated = ctx.store.users.get(user.seq) ?? user;
  return { body: { action: 'Deactivate user', entities: [toUserEntity(updated)], timestamp: ctx.now, duration: duration(ctx) } };
};
