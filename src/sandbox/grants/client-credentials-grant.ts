// grant_type client_credentials: the app's client_id and client_secret for an app (admin) token.
import type { HandlerResult, RequestContext } from '../context.ts';
import { errors } from '../http/api-error.ts';
import { newAppToken, tokenDigest } from '../security/app-tokens.ts';
import { sameSecret } from '../security/client-credentials.ts';
import { tokenTtl } from './token-ttl.ts';

export function clientCredentialsGrant(ctx: RequestContext, body: Record<string, unknown>): HandlerResult {
  if (typeof body.client_id !== 'string' || typeof body.client_secret !== 'string') {
    throw errors.illegalArgument('grant_type, client_id and client_secret are required');
  }
  const ttl = tokenTtl(ctx, body.ttl);
  // Both compared, always, so the answer takes as long whichever one is wrong.
  const idMatches = sameSecret(body.client_id, ctx.app.clientId);
  const secretMatches = sameSecret(body.client_secret, ctx.app.clientSecret);
  if (!idMatches || !secretMatches) throw errors.invalidGrant();

  const token = newAppToken();
  ctx.store.tokens.insert(tokenDigest(token), ctx.app.id, ctx.now + ttl * 1000);
  return { body: { access_token: token, expires_in: ttl, application: ctx.app.uuid } };
}
