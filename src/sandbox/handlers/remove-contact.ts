// DELETE /users/{owner_username}/contacts/users/{friend_username} (removeContact): both sides.
// 404 when either user does not exist or they are not contacts.
import type { Handler } from '../context.ts';
import { findUser } from '../find-user.ts';
import { errors } from '../http/api-error.ts';
import { envelope } from '../http/envelope.ts';
import { toUserEntity } from '../user-entity.ts';

export const removeContact: Handler = (ctx) => {
  const owner = findUser(ctx, ctx.params.owner_username);
  const friend = findUser(ctx, ctx.params.friend_username);
  if (!ctx.store.relations.removeContact(owner.seq, friend.seq)) throw errors.notFound();
  return { body: envelope(ctx, { action: 'delete', path: `/users/${owner.uuid}/contacts`, entities: [toUserEntity(friend)] }) };
};
