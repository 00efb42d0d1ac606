// POST /users/{owner_username}/contacts/users/{friend_username} (addContact). Contacts are
// mutual: each becomes the other's contact. Adding an existing contact again is not an error.
import type { Handler } from '../context.ts';
import { findUser } from '../find-user.ts';
import { errors } from '../http/api-error.ts';
import { envelope } from '../http/envelope.ts';
import { toUserEntity } from '../user-entity.ts';

export const addContact: Handler = (ctx) => {
  const owner = findUser(ctx, ctx.params.owner_username);
  const friend = findUser(ctx, ctx.params.friend_username);
  if (owner.seq === friend.seq) throw errors.illegalArgument('a user cannot be its own contact');
  ctx.store.relations.addContact(owner.seq, friend.seq, ctx.now);
  return { body: envelope(ctx, { action: 'post', path: `/users/${owner.uuid}/contacts`, entities: [toUserEntity(friend)] }) };
};
