// GET /users/{owner_username}/blocks/users (listBlocks): usernames in `data`.
import type { Handler } from '../context.ts';
import { findUser } from '../find-user.ts';
import { envelope } from '../http/envelope.ts';

export const listBlocks: Handler = (ctx) => {
  const owner = findUser(ctx, ctx.params.owner_username);
  return { body: envelope(ctx, { action: 'get', data: ctx.store.relations.blocks(owner.seq) }) };
};
