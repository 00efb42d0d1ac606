// POST /token (getToken): one of three grants. client_credentials gives the app (admin) token;
// password and inherit give a user token (docs/sources.md, "What real clients send": more grants). An unknown
// grant type is refused as the service refuses it: 400 invalid_grant.
import type { Handler } from '../context.ts';
import { clientCredentialsGrant } from '../grants/client-credentials-grant.ts';
import { inheritGrant } from '../grants/inherit-grant.ts';
import { passwordGrant } from '../grants/password-grant.ts';
import { errors } from '../http/api-error.ts';
import { isObject } from '../validation/user-fields.ts';

export const getToken: Handler = (ctx) => {
  const body = ctx.body;
  if (!isObject(body) || typeof body.grant_type !== 'string') throw errors.illegalArgument('grant_type is required');
  switch (body.grant_type) {
    case 'client_credentials':
      return clientCredentialsGrant(ctx, body);
    case 'password':
      return passwordGrant(ctx, body);
    case 'inherit':
      return inheritGrant(ctx, body);
    default:
      throw errors.invalidGrant();
  }
};
