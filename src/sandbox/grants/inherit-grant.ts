// grant_type inherit: the app server, holding the app token, gets a token for one of its users
// without the user's password (Java SDK 1.x TokenApi.getUserTokenWithInherit, the current docs).
// With `autoCreateUser: true` an unknown user is registered first, with a random password.
import { randomBytes, randomUUID } from 'node:crypto';
import { authenticate, permissionDenied } from '../authenticate.ts';
import type { HandlerResult, RequestContext } from '../context.ts';
import { errors } from '../http/api-error.ts';
import { hashPassword } from '../security/password-hash.ts';
import { checkUsername } from '../validation/user-fields.ts';
import { tokenTtl } from './token-ttl.ts';
import { issueUserToken } from './user-token.ts';

export async function inheritGrant(ctx: RequestContext, body: Record<string, unknown>): Promise<HandlerResult> {
  const principal = authenticate({ store: ctx.store, app: ctx.app, authorization: ctx.authorization, now: ctx.now, method: ctx.method, path: ctx.path });
  if (principal.kind !== 'app') throw permissionDenied(ctx);
  if (typeof body.username !== 'string' || body.username === '') throw errors.illegalArgument('username is required for grant_type inherit');
  const autoCreate = body.autoCreateUser;
  if (autoCreate !== undefined && autoCreate !== null && typeof autoCreate !== 'boolean') {
    throw errors.illegalArgument('autoCreateUser must be true or false');
  }
  const ttl = tokenTtl(ctx, body.ttl);
  let user = ctx.store.users.find(ctx.app.id, body.username);
  if (!user) {
    if (autoCreate !== true) throw errors.userNotFound();
    const username = checkUsername(body.username);
    const hash = await hashPassword(randomBytes(24).toString('base64url'), ctx.settings.scryptCost);
    const inserted = ctx.store.users.insert(ctx.app.id, { uuid: randomUUID(), username, passwordHash: hash, nickname: undefined, now: ctx.now });
    // Registered meanwhile by another request: that user is the one.
    user = inserted === 'duplicate' ? ctx.store.users.find(ctx.app.id, username) : inserted;
    if (!user) throw errors.userNotFound();
  }
  return issueUserToken(ctx, user, ttl);
}
