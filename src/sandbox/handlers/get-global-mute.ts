// GET /mutes/{username} (getGlobalMute): seconds of mute left per kind (0 none, -1 for ever),
// `userid` as <org>#<app>_<username>, and the Unix time in seconds (account_system.md, 2023).
// 404 for an unknown user (the page is silent); 403 when the app has the feature off.
import type { Handler } from '../context.ts';
import { findUser } from '../find-user.ts';
import { errors } from '../http/api-error.ts';
import { envelope } from '../http/envelope.ts';

export const getGlobalMute: Handler = (ctx) => {
  if (!ctx.store.globalMutes.enabled(ctx.app.id)) throw errors.globalMuteOff();
  const user = findUser(ctx, ctx.params.username);
  const left = ctx.store.globalMutes.of(user.seq, ctx.now);
  const data = { userid: `${ctx.app.org}#${ctx.app.name}_${user.username}`, ...left, unixtime: Math.floor(ctx.now / 1000) };
  return { body: envelope(ctx, { action: 'get', path: '/mutes', data }) };
};
