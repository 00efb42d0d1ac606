// PUT /users/{username} (updateNickname): body {"nickname"}.
import type { Handler } from '../context.ts';
import { findUser } from '../find-user.ts';
import { errors } from '../http/api-error.ts';
import { envelope } from '../http/envelope.ts';
import { toUserEntity } from '../user-entity.ts';
import { checkNickname, isObject } from '../validation/user-fields.ts';

export const updateNickname: Handler = (ctx) => {
  const user = findUser(ctx, ctx.params.username);
  const body = ctx.body;
  if (!isObject(body) || body.nickname === undefined || body.nickname === null) throw errors.illegalArgument('nickname is required');
  ctx.store.users.setNickname(user.seq, checkNickname(body.nickname), ctx.now);
  const updated = ctx.store.users.get(user.seq) ?? user;
  return { body: envelope(ctx, { action: 'put', path: '/users', entities: [toUserEntity(updated)] }) };
};
