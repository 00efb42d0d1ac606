// The user a URL names, looked up without regard to letter case; 404 when there is none.
import type { RequestContext } from './context.ts';
import { errors } from './http/api-error.ts';
import type { UserRecord } from './storage/users-store.ts';
import { isPossibleUsername } from './validation/user-fields.ts';

export function findUser(ctx: RequestContext, name: string | undefined): UserRecord {
  if (name === undefined || !isPossibleUsername(name)) throw errors.notFound();
  const user = ctx.store.users.find(ctx.app.id, name);
  if (!user) throw errors.notFound();
  return user;
}
