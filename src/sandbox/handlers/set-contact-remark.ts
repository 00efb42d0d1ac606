// PUT /user/{owner_username}/contacts/users/{friend_username} (setContactRemark): body
// {"remark": ≤ 100 characters}; the two must be contacts (400 with the page's text), both must
// exist (404) (user_friend_remark_set.md). Answers {action, status: "ok", ...}. The Java SDK 2.0
// sends it to /users/… (plural): routes-today.ts serves both.
import type { Handler } from '../context.ts';
import { findUser } from '../find-user.ts';
import { errors } from '../http/api-error.ts';
import { duration, requestUri } from '../http/envelope.ts';
import { isObject } from '../validation/user-fields.ts';

export const MAX_REMARK_LENGTH = 100;

export const setContactRemark: Handler = (ctx) => {
  const owner = findUser(ctx, ctx.params.owner_username);
  const friend = findUser(ctx, ctx.params.friend_username);
  const remark = isObject(ctx.body) ? ctx.body.remark : undefined;
  if (typeof remark !== 'string') throw errors.illegalArgument('remark is required');
  if ([...remark].length > MAX_REMARK_LENGTH) throw errors.illegalArgument(`remark must be at most ${MAX_REMARK_LENGTH} characters`);
  if (!ctx.store.contactQueries.isContact(owner.seq, friend.seq)) {
    throw errors.illegalArgument('updateRemark they are not friends, please add as a friend first.');
  }
  ctx.store.contactQueries.setRemark(owner.seq, friend.seq, remark);
  return { body: { action: 'put', duration: duration(ctx), status: 'ok', timestamp: ctx.now, uri: requestUri(ctx) } };
};
