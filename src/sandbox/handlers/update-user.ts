// PUT /users/{username} (updateUser): the nickname and the push settings, any of them alone
// (validation/push-settings.ts). What was set comes back in the entity, and from getUser.
import type { Handler } from '../context.ts';
import { findUser } from '../find-user.ts';
import { envelope } from '../http/envelope.ts';
import { toUserEntityWithPush } from '../user-entity.ts';
import { parseUserUpdate } from '../validation/push-settings.ts';

export const updateUser: Handler = (ctx) => {
  const user = findUser(ctx, ctx.params.username);
  const update = parseUserUpdate(ctx.body);
  const { store } = ctx;
  store.transaction(() => {
    if (update.nickname !== undefined) store.users.setNickname(user.seq, update.nickname, ctx.now);
    if (Object.keys(update.push).length > 0) store.pushSettings.update(user.seq, update.push);
  });
  const updated = store.users.get(user.seq) ?? user;
  return { body: envelope(ctx, { action: 'put', path: '/users', entities: [toUserEntityWithPush(updated, store.pushSettings.get(user.seq))] }) };
};
