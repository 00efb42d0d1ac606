// POST /blocks/check (checkBlocks): body {"username", "check_list": [1..100]}; one
// {username, relation: "blacklist" | "not_blacklist"} per name, in `entities`, in the order
// sent (user_friend_blocklist_check.md). Names nobody has are not_blacklist. The owner must
// exist (404; the page is silent) and not be deactivated (403 forbidden_service_operation).
import type { Handler } from '../context.ts';
import { duration, requestUri } from '../http/envelope.ts';
import { readRelationCheck } from '../validation/relation-check.ts';

export const checkBlocks: Handler = (ctx) => {
  const { owner, names } = readRelationCheck(ctx);
  const entities = names.map((name) => {
    const user = ctx.store.users.find(ctx.app.id, name);
    const blocked = user !== undefined && ctx.store.blockQueries.isBlocked(owner.seq, user.seq);
    return { username: name, relation: blocked ? 'blacklist' : 'not_blacklist' };
  });
  return {
    body: { action: 'post', path: '/blocks/check', uri: requestUri(ctx), entities, timestamp: ctx.now, duration: duration(ctx) },
  };
};
