// The user a URL names, looked up without regard to letter case; 404 when there is none.
import type { RequestContext } from './context.ts';
import { errors } from './http/api-error.ts';
import type { PushSettings } from './storage/push-settings-store.ts';
import type { UserRecord } from './storage/users-store.ts';
import type { UserView } from './user-entity.ts';
import { isPossibleUsername } from './validation/user-fields.ts';

function findNamed<T>(name: string | undefined, lookup: (name: string) => T | undefined): T {
  if (name === undefined || !isPossibleUsername(name)) throw errors.notFound();
  const found = lookup(name);
  if (!found) throw errors.notFound();
  return found;
}

export function findUser(ctx: RequestContext, name: string | undefined): UserRecord {
  return findNamed(name, (username) => ctx.store.users.find(ctx.app.id, username));
}

/** The user with its push settings, in one read (getUser). */
export function findUserWithPush(ctx: RequestContext, name: string | undefined): { user: UserView; push: PushSettings } {
  return findNamed(name, (username) => ctx.store.userWithPush.find(ctx.app.id, username));
}
