// The body of POST /users: one user object, or an array of 1 to 60. Unknown properties are
// ignored, as the service ignores them.
import { errors } from '../http/api-error.ts';
import { checkNickname, checkPassword, checkUsername, isObject } from './user-fields.ts';

export const MAX_BATCH = 60;

export interface Registration {
  username: string;
  password: string;
  nickname: string | undefined;
}

function parseOne(item: unknown): Registration {
  if (!isObject(item)) throw errors.usernameMissing();
  const username = checkUsername(item.username);
  const password = checkPassword(item.password);
  // null is a wrong type like any other (docs/sources.md, "What real clients send": wrong types are bad input), not "no nickname".
  const nickname = item.nickname === undefined ? undefined : checkNickname(item.nickname);
  return { username, password, nickname };
}

export function parseRegistrations(body: unknown): { batch: boolean; users: Registration[] } {
  if (!Array.isArray(body)) return { batch: false, users: [parseOne(body)] };
  if (body.length === 0 || body.length > MAX_BATCH) {
    throw errors.illegalArgument(`a batch registers 1 to ${MAX_BATCH} users, not ${body.length}`);
  }
  return { batch: true, users: body.map(parseOne) };
}
