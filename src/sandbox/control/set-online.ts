// PUT /_sandbox/{org}/{app}/users/{username}/online {"online": true|false}
// Marks a user online or offline, as if its chat connection opened or closed. Coming online
// delivers the offline messages waiting for it.
import { errors } from '../http/api-error.ts';
import { isObject } from '../validation/user-fields.ts';
import type { ControlHandler } from './control-context.ts';
import { findControlUser } from './find-control-user.ts';

export const setOnline: ControlHandler = (ctx) => {
  const { user } = findControlUser(ctx);
  if (!isObject(ctx.body) || typeof ctx.body.online !== 'boolean') throw errors.illegalArgument('online must be true or false');
  const online = ctx.body.online;
  ctx.store.transaction(() => {
    ctx.store.users.setOnline(user.seq, online);
    if (online) ctx.store.messages.deliverAll(user.seq);
  });
  return { body: { username: user.username, online } };
};
