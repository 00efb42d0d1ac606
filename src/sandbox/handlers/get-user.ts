// GET /users/{username} (getUser).
import type { Handler } from '../context.ts';
import { findUser } from '../find-user.ts';
import { envelope } from '../http/envelope.ts';
import { toUserEntity } from '../user-entity.ts';

export const getUser: Handler = (ctx) => {
  const user = findUser(ctx, ctx.params.username);
  return { body: envelope(ctx, { action: 'get', path: '/users', entities: [toUserEntity(user)] }) };
};
