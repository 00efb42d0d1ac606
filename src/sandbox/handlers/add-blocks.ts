// POST /users/{owner_username}/blocks/users (addBlocks): body {"usernames": [1..50]}. Every user
// named must exist (else 404, and nobody is blocked); `data` lists them as registered.
import type { Handler } from '../context.ts';
import { findUser } from '../find-user.ts';
import { errors } from '../http/api-error.ts';
import { envelope } from '../http/envelope.ts';
import { checkUsername, isObject } from '../validation/user-fields.ts';

export const MAX_BLOCKS_PER_REQUEST = 50;

export const addBlocks: Handler = (ctx) => {
  const owner = findUser(ctx, ctx.params.owner_username);
  const body = ctx.body;
  if (!isObject(body) || !Array.isArray(body.usernames)) throw errors.illegalArgument('usernames is required');
  const names: unknown[] = body.usernames;
  if (names.length < 1 || names.length > MAX_BLOCKS_PER_REQUEST) {
    throw errors.illegalArgument(`usernames must list 1 to ${MAX_BLOCKS_PER_REQUEST} users`);
  }
  const blocked = names.map((name) => findUser(ctx, checkUsername(name)));
  if (blocked.some((user) => user.seq === owner.seq)) throw errors.illegalArgument('a user cannot block itself');
  ctx.store.transaction(() => {
    for (const user of blocked) ctx.store.relations.addBlock(owner.seq, user.seq, ctx.now);
  });
  const data = [...new Set(blocked.map((user) => user.username))];
  return { body: envelope(ctx, { action: 'post', data }) };
};
