// The optional `ttl` of a token request: seconds, from 1 to 2^31-1; absent or null, the default.
import type { RequestContext } from '../context.ts';
import { errors } from '../http/api-error.ts';

const MAX_TTL = 2_147_483_647;

export function tokenTtl(ctx: RequestContext, value: unknown): number {
  if (value === undefined || value === null) return ctx.settings.tokenTtlSeconds;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_TTL) {
    throw errors.illegalArgument(`ttl must be an integer from 1 to ${MAX_TTL}`);
  }
  return value;
}
