// The user a URL names, looked up without regard to letter case; 404 when there is none.
import type { RequestContext } from './context.ts';
import { errors } from './http/api-error.ts';
import type { UserRecord } from './storage/users-store.ts';
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

/** The user's entity with its push settings, as JSON text (getUser; storage/user-entity-cache.ts). */
export function findUserEntityJson(ctx: RequestContext, name: string | undefined): string {
  return findNamed(name, (username) => ctx.store.userEntities.find(ctx.app.id, username));
}
