// DELETE /users/{username} (deleteUser): the user goes, with its contacts, blocks and messages.
import type { Handler } from '../context.ts';
import { findUser } from '../find-user.ts';
import { envelope } from '../http/envelope.ts';
import { toUserEntity } from '../user-entity.ts';

export const deleteUser: Handler = (ctx) => {
  const user = findUser(ctx, ctx.params.username);
  ctx.store.users.delete(user.seq);
  return { body: envelope(ctx, { action: 'delete', path: '/users', entities: [toUserEntity(user)] }) };
};
