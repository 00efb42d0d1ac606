// The app and user a control-API URL names; 404 when either does not exist.
import { errors } from '../http/api-error.ts';
import type { AppRecord } from '../storage/apps-store.ts';
import type { UserRecord } from '../storage/users-store.ts';
import type { ControlContext } from './control-context.ts';

export function findControlApp(ctx: ControlContext): AppRecord {
  const app = ctx.store.apps.find(ctx.params.org ?? '', ctx.params.app ?? '');
  if (!app) throw errors.notFound();
  return app;
}

export function findControlUser(ctx: ControlContext): { app: AppRecord; user: UserRecord } {
  const app = findControlApp(ctx);
  const user = ctx.store.users.find(app.id, ctx.params.username ?? '');
  if (!user) throw errors.notFound();
  return { app, user };
}
