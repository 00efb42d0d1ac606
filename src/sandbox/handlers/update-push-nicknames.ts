// PUT /push/nickname (updatePushNicknames): body [{"username", "push_nickname"}], 1..50, each
// nickname ≤ 100 characters, with the page's error texts (push_nickname_set_batch.md). It sets
// the same field as updateUser (the user's `nickname`, its push display name). Every user
// must exist, else 404 and nobody's nickname changes: the page is silent on unknown users.
import type { Handler } from '../context.ts';
import { findUser } from '../find-user.ts';
import { errors } from '../http/api-error.ts';
import { resultEnvelope } from '../http/envelope.ts';
import { checkUsername, isObject, NICKNAME_MAX_LENGTH } from '../validation/user-fields.ts';

export const MAX_PUSH_NICKNAMES = 50;

export const updatePushNicknames: Handler = (ctx) => {
  const body = ctx.body;
  if (!Array.isArray(body) || body.length === 0) throw errors.illegalArgument('put user push nicknames illegal empty request body');
  if (body.length > MAX_PUSH_NICKNAMES) throw errors.illegalArgument('put user push nicknames exceeds the limit');
  const items = (body as unknown[]).map((item) => {
    if (!isObject(item)) throw errors.illegalArgument('put user push nicknames illegal empty request body');
    const username = checkUsername(item.username);
    const nickname = item.push_nickname;
    if (typeof nickname !== 'string') throw errors.illegalArgument(`${username} push nickname must be a string`);
    if ([...nickname].length > NICKNAME_MAX_LENGTH) throw errors.illegalArgument(`${username} push nickname length exceeds the limit`);
    return { username, nickname };
  });
  const users = items.map((item) => findUser(ctx, item.username));
  ctx.store.transaction(() => {
    items.forEach((item, i) => ctx.store.users.setNickname(users[i]!.seq, item.nickname, ctx.now));
  });
  const entities = items.map((item) => ({ push_nickname: item.nickname, username: item.username }));
  return { body: resultEnvelope(ctx, { action: 'put', path: '/push' }, entities) };
};
