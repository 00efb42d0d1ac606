// POST /token (getAppToken): client credentials for an app token.
import type { Handler } from '../context.ts';
import { errors } from '../http/api-error.ts';
import { newAppToken, tokenDigest } from '../security/app-tokens.ts';
import { sameSecret } from '../security/client-credentials.ts';
import { isObject } from '../validation/user-fields.ts';

const MAX_TTL = 2_147_483_647;

export const getAppToken: Handler = (ctx) => {
  const body = ctx.body;
  if (!isObject(body) || typeof body.client_id !== 'string' || typeof body.client_secret !== 'string') {
    throw errors.illegalArgument('grant_type, client_id and client_secret are required');
  }
  if (body.grant_type !== 'client_credentials') throw errors.invalidGrant();
  let ttl = ctx.settings.tokenTtlSeconds;
  if (body.ttl !== undefined && body.ttl !== null) {
    if (typeof body.ttl !== 'number' || !Number.isInteger(body.ttl) || body.ttl < 1 || body.ttl > MAX_TTL) {
      throw errors.illegalArgument(`ttl must be an integer from 1 to ${MAX_TTL}`);
    }
    ttl = body.ttl;
  }
  // Both compared, always, so the answer takes as long whichever one is wrong.
  const idMatches = sameSecret(body.client_id, ctx.app.clientId);
  const secretMatches = sameSecret(body.client_secret, ctx.app.clientSecret);
  if (!idMatches || !secretMatches) throw errors.invalidGrant();

  const token = newAppToken();
  ctx.store.tokens.insert(tokenDigest(token), ctx.app.id, ctx.now + ttl * 1000);
  return { body: { access_token: token, expires_in: ttl, application: ctx.app.uuid } };
};
