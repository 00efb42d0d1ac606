// PUT /metadata/user/{username} (setUserAttributes): a form-encoded body of key=value pairs
// (server.ts answers any other media type 415, as user_attribute_set.md says), merged into the
// user's attributes; the answer echoes the pairs sent. At most 2 KB a user in all (UTF-8 bytes
// of keys and values): more is the page's 403 FORBIDDEN, and nothing is stored. Unknown user:
// 404 (the page is silent).
import type { Handler } from '../context.ts';
import { findUser } from '../find-user.ts';
import { errors } from '../http/api-error.ts';
import { duration } from '../http/envelope.ts';
import { attributesSize } from '../storage/attributes-store.ts';

export const MAX_ATTRIBUTES_BYTES = 2048;
export const MAX_ATTRIBUTE_KEY_LENGTH = 64;

export const setUserAttributes: Handler = (ctx) => {
  const user = findUser(ctx, ctx.params.username);
  const sent = ctx.body as Record<string, string>;
  const keys = Object.keys(sent);
  if (keys.length === 0) throw errors.illegalArgument('the body must hold at least one key=value pair');
  for (const key of keys) {
    if (key.length === 0 || [...key].length > MAX_ATTRIBUTE_KEY_LENGTH) throw errors.illegalArgument(`attribute names must be 1 to ${MAX_ATTRIBUTE_KEY_LENGTH} characters`);
  }
  ctx.store.transaction(() => {
    const merged = { ...ctx.store.attributes.of(user.seq), ...sent };
    if (attributesSize(merged) > MAX_ATTRIBUTES_BYTES) throw errors.attributesTooLarge(MAX_ATTRIBUTES_BYTES);
    ctx.store.attributes.set(user.seq, sent);
  });
  return { body: { timestamp: ctx.now, data: sent, duration: duration(ctx) } };
};
