// PUT /_sandbox/{org}/{app}/registration {"open": true|false}
// Open registration (POST /users needs no token) or authorized registration (the default).
import { errors } from '../http/api-error.ts';
import { isObject } from '../validation/user-fields.ts';
import type { ControlHandler } from './control-context.ts';
import { findControlApp } from './find-control-user.ts';

export const setRegistrationMode: ControlHandler = (ctx) => {
  const app = findControlApp(ctx);
  if (!isObject(ctx.body) || typeof ctx.body.open !== 'boolean') throw errors.illegalArgument('open must be true or false');
  ctx.store.apps.setOpenRegistration(app.id, ctx.body.open);
  return { body: { org: app.org, app: app.name, openRegistration: ctx.body.open } };
};
