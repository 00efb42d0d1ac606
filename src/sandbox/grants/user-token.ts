// Issuing a user token (password and inherit grants): the answer carries the token, its lifetime
// and the user's entity, as the service's does. A deactivated user gets no token.
import type { HandlerResult, RequestContext } from '../context.ts';
import { errors } from '../http/api-error.ts';
import { newAppToken, tokenDigest } from '../security/app-tokens.ts';
import type { UserRecord } from '../storage/users-store.ts';
import { toUserEntity } from '../user-entity.ts';

export function issueUserToken(ctx: RequestContext, user: UserRecord, ttl: number): HandlerResult {
  if (!user.activated) throw errors.userNotActivated();
  // Same shape as the app token (the service's user tokens carry the same `YWMt` prefix).
  const token = newAppToken();
  ctx.store.userTokens.insert(tokenDigest(token), ctx.app.id, user.seq, ctx.now + ttl * 1000);
  return { body: { access_token: token, expires_in: ttl, user: toUserEntity(user) } };
}
