// POST /metadata/user/get (getUsersAttributes): body {"targets": [1..100], "properties":
// [names]}; `data` keyed by username (as registered) with only the properties named; users
// that do not exist or have none of them are left out (userprofile.md).
import type { Handler } from '../context.ts';
import { errors } from '../http/api-error.ts';
import { duration } from '../http/envelope.ts';
import { checkUsername, isObject } from '../validation/user-fields.ts';

export const MAX_ATTRIBUTE_TARGETS = 100;

export const getUsersAttributes: Handler = (ctx) => {
  const body = isObject(ctx.body) ? ctx.body : {};
  const { targets, properties } = body;
  if (!Array.isArray(targets) || targets.length < 1 || targets.length > MAX_ATTRIBUTE_TARGETS) {
    throw errors.illegalArgument(`targets must list 1 to ${MAX_ATTRIBUTE_TARGETS} users`);
  }
  if (!Array.isArray(properties) || properties.length < 1 || properties.length > 64) throw errors.illegalArgument('properties must list 1 to 64 attribute names');
  for (const name of properties) {
    if (typeof name !== 'string' || name.length === 0 || [...name].length > 64) throw errors.illegalArgument('properties must be attribute names of 1 to 64 characters');
  }
  const wanted = new Set(properties as string[]);
  const names = (targets as unknown[]).map((name) => checkUsername(name));
  const found: Array<[string, Record<string, string>]> = [];
  for (const name of names) {
    const user = ctx.store.users.find(ctx.app.id, name);
    if (!user) continue;
    const picked = Object.fromEntries(Object.entries(ctx.store.attributes.of(user.seq)).filter(([key]) => wanted.has(key)));
    if (Object.keys(picked).length > 0) found.push([user.username, picked]);
  }
  // Keyed by username with own properties: `__proto__` is a username the service allows.
  const data = Object.fromEntries(found);
  return { body: { timestamp: ctx.now, data, duration: duration(ctx) } };
};
