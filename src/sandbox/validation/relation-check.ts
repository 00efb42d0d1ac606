// The body of POST /contacts/check and POST /blocks/check: {"username", "check_list": [1..100]},
// with the pages' error texts (user_friend_check.md, user_friend_blocklist_check.md). Answers
// the owner (404 when there is none, 403 when deactivated) and the names, checked.
import type { RequestContext } from '../context.ts';
import { errors } from '../http/api-error.ts';
import type { UserRecord } from '../storage/users-store.ts';
import { checkUsername, isObject } from './user-fields.ts';

export const MAX_CHECK_LIST = 100;

export function readRelationCheck(ctx: RequestContext): { owner: UserRecord; names: string[] } {
  const body = isObject(ctx.body) ? ctx.body : {};
  if (body.username === undefined || body.username === null || body.username === '') throw errors.illegalArgument('username cannot be blank');
  const ownerName = checkUsername(body.username);
  if (!Array.isArray(body.check_list) || body.check_list.length < 1 || body.check_list.length > MAX_CHECK_LIST) {
    throw errors.illegalArgument(`check_list size must be between 1 and ${MAX_CHECK_LIST}`);
  }
  const names = (body.check_list as unknown[]).map((name) => checkUsername(name));
  const owner = ctx.store.users.find(ctx.app.id, ownerName);
  if (!owner) throw errors.notFound();
  if (!owner.activated) throw errors.forbiddenServiceOperation();
  return { owner, names };
}
