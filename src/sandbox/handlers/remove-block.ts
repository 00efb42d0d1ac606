// DELETE /users/{owner_username}/blocks/users/{blocked_username} (removeBlock). 404 when either
// user does not exist or the second is not on the first's block list.
import type { Handler } from '../context.ts';
import { findUser } from '../find-user.ts';
import { errors } from '../http/api-error.ts';
import { envelope } from '../http/envelope.ts';
import { toUserEntity } from '../user-entity.ts';

export const removeBlock: Handler = (ctx) => {
  const owner = findUser(ctx, ctx.params.owner_username);
  const blocked = findUser(ctx, ctx.params.blocked_username);
  if (!ctx.store.relations.removeBlock(owner.seq, blocked.seq)) throw errors.notFound();
  return { body: envelope(ctx, { action: 'delete', path: `/users/${owner.uuid}/blocks`, entities: [toUserEntity(blocked)] }) };
};
