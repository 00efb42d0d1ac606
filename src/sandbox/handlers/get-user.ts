// GET /users/{username} (getUser): the entity with the push settings that were set.
import type { Handler } from '../context.ts';
import { findUserWithPush } from '../find-user.ts';
import { envelope } from '../http/envelope.ts';
import { toUserEntityWithPush } from '../user-entity.ts';

export const getUser: Handler = (ctx) => {
  const { user, push } = findUserWithPush(ctx, ctx.params.username);
  return { body: envelope(ctx, { action: 'get', path: '/users', entities: [toUserEntityWithPush(user, push)] }) };
};
