// POST /blocks/check (checkBlocks): body {"username", "check_list": [1..100]}; one
// {username, relation: "blacklist" | "not_blacklist"} per name, in `entities`, in the order
// sent (user_friend_blocklist_check.md). Names nobody has are not_blacklist. The owner must
// exist (404; the page is silent) and not be deactivated (403 forbidden_service_operation).
import type { Handler } from '../context.ts';
import { errors } from '../http/api-error.ts';
import { duration, requestUri } from '../http/envelope.ts';
import { checkUsername, isObject } from '../validation/user-fields.ts';

export const MAX_CHECK_LIST = 100;

export const checkBlocks: Handler = (ctx) => {
  const body = ctx.body;
  if (!isObject(body)) throw errors.illegalArgument('username cannot be blank');
  if (body.username === undefined || body.username === null || body.username === '') throw errors.illegalArgument('username cannot be blank');
  const ownerName = checkUsername(body.username);
  if (!Array.isArray(body.check_list) || body.check_list.length < 1 || body.check_list.length > MAX_CHECK_LIST) {
    throw errors.illegalArgument(`check_list size must be between 1 and ${MAX_CHECK_LIST}`);
  }
  const names = (body.check_list as unknown[]).map((name) => checkUsername(name));
  const owner = ctx.store.users.find(ctx.app.id, ownerName);
  if (!owner) throw errors.notFound();
  if (!owner.activated) throw errors.forbiddenServiceOperation();
  const entities = names.map((name) => {
    const user = ctx.store.users.find(ctx.app.id, name);
    const blocked = user !== undefined && ctx.store.blockQueries.isBlocked(owner.seq, user.seq);
    return { username: name, relation: blocked ? 'blacklist' : 'not_blacklist' };
  });
  return {
    body: { action: 'post', path: '/blocks/check', uri: requestUri(ctx), entities, timestamp: ctx.now, duration: duration(ctx) },
  };
};
