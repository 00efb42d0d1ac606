// POST /mutes (setGlobalMute): body {"username", "chat"?, "groupchat"?, "chatroom"?}, each
// seconds (≤ 2147483647), -1 for ever, 0 to lift; kinds not sent are left alone
// (user_global_mute_set.md). Mutes end on the sandbox clock (POST /_sandbox/clock moves it).
// An unknown user is the page's 400 required_property_not_found; the feature switched off
// (control API) is its 403 forbidden_op.
import type { Handler } from '../context.ts';
import { errors } from '../http/api-error.ts';
import { envelope } from '../http/envelope.ts';
import { MUTE_KINDS, type MuteKind } from '../storage/global-mutes-store.ts';
import { checkUsername, isObject } from '../validation/user-fields.ts';

export const MAX_MUTE_SECONDS = 2147483647;

export const setGlobalMute: Handler = (ctx) => {
  if (!ctx.store.globalMutes.enabled(ctx.app.id)) throw errors.globalMuteOff();
  const body = isObject(ctx.body) ? ctx.body : {};
  const username = checkUsername(body.username);
  const changes: Array<[MuteKind, number]> = [];
  for (const kind of MUTE_KINDS) {
    const value = body[kind];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < -1 || value > MAX_MUTE_SECONDS) {
      throw errors.illegalArgument(`${kind} must be -1, 0 or a number of seconds up to ${MAX_MUTE_SECONDS}`);
    }
    changes.push([kind, value]);
  }
  const user = ctx.store.users.find(ctx.app.id, username);
  if (!user) throw errors.muteUserNotFound();
  ctx.store.transaction(() => {
    for (const [kind, seconds] of changes) ctx.store.globalMutes.set(user.seq, kind, seconds, ctx.now);
  });
  return { body: envelope(ctx, { action: 'post', path: '/mutes', data: { result: 'ok' } }) };
};
