// grant_type password: a user logs in with its username and password (the web SDK's login, the
// Java SDK 1.x TokenApi.getUserToken). The web SDK adds `timestamp`; like any property the
// service does not know, it is ignored.
import type { HandlerResult, RequestContext } from '../context.ts';
import { errors } from '../http/api-error.ts';
import { verifyPassword } from '../security/password-hash.ts';
import { tokenTtl } from './token-ttl.ts';
import { issueUserToken } from './user-token.ts';

export async function passwordGrant(ctx: RequestContext, body: Record<string, unknown>): Promise<HandlerResult> {
  if (typeof body.username !== 'string' || body.username === '') {
    throw errors.illegalArgument('username is required for grant_type password');
  }
  if (typeof body.password !== 'string' || body.password === '') {
    throw errors.illegalArgument('password is required for grant_type password');
  }
  const ttl = tokenTtl(ctx, body.ttl);
  const user = ctx.store.users.find(ctx.app.id, body.username);
  if (!user) throw errors.userNotFound();
  if (!(await verifyPassword(body.password, user.passwordHash))) throw errors.invalidPassword();
  // Read again: the user may have been deleted or changed while the hash was checked.
  const current = ctx.store.users.get(user.seq);
  if (!current) throw errors.userNotFound();
  return issueUserToken(ctx, current, ttl);
}
