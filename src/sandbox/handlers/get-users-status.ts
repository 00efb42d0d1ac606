// POST /users/batch/status (getUsersStatus): body {"usernames": [1..100]}. Answers one
// {"<name>": "online" | "offline"} per name, in the order sent, keyed by the name as sent. The
// service does not check the names (account_presence_obtain_batch.md): a name nobody has is
// offline, not a 404. Over 100 names is the page's 400.
import type { Handler } from '../context.ts';
import { errors } from '../http/api-error.ts';
import { envelope } from '../http/envelope.ts';
import { checkUsername, isObject } from '../validation/user-fields.ts';

export const MAX_STATUS_NAMES = 100;

export const getUsersStatus: Handler = (ctx) => {
  const body = ctx.body;
  if (!isObject(body) || !Array.isArray(body.usernames)) throw errors.illegalArgument('usernames is required');
  const names: unknown[] = body.usernames;
  if (names.length > MAX_STATUS_NAMES) {
    throw errors.illegalArgument(`request body exceeds maximum limit, maximum limit is ${MAX_STATUS_NAMES}`);
  }
  if (names.length === 0) throw errors.illegalArgument('usernames must name at least one user');
  const checked = names.map((name) => checkUsername(name));
  const data = checked.map((name) => ({ [name]: ctx.store.users.find(ctx.app.id, name)?.online ? 'online' : 'offline' }));
  return { body: envelope(ctx, { action: 'get batch user status', data }) };
};
