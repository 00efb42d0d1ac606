// PUT /_sandbox/{org}/{app}/global_mute {"enabled": true|false}
// The console's switch for global mute (user_global_mute_set.md, 开通功能): off, the /mutes
// operations answer 403 forbidden_op. On by default, so the operations work out of the box.
import { errors } from '../http/api-error.ts';
import { isObject } from '../validation/user-fields.ts';
import type { ControlHandler } from './control-context.ts';
import { findControlApp } from './find-control-user.ts';

export const setGlobalMuteFeature: ControlHandler = (ctx) => {
  const app = findControlApp(ctx);
  if (!isObject(ctx.body) || typeof ctx.body.enabled !== 'boolean') throw errors.illegalArgument('enabled must be true or false');
  ctx.store.globalMutes.setEnabled(app.id, ctx.body.enabled);
  return { body: { org: app.org, app: app.name, globalMute: ctx.body.enabled } };
};
