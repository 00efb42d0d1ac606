// Turns one input record into a registration, or says why it cannot be one. The rules are the
// service's (the description's UserRegistration): a username of [a-zA-Z0-9_.-], 1 to 64 bytes,
// a password of 1 to 64 characters, an optional nickname of at most 100 characters.
import { toUsername, type UserRegistration } from '../../client/index.ts';
import type { InputRecord } from './read-records.ts';

const USERNAME = /^[a-zA-Z0-9_.-]{1,64}$/;

/** Column names for the app's own user id, from which a username is derived with toUsername. */
export const APP_USER_ID_FIELDS = ['app_user_id', 'user_id', 'id'] as const;

export type RecordVerdict =
  | { ok: true; user: UserRegistration }
  | { ok: false; username: string; reason: string };

export function validateRecord(record: InputRecord): RecordVerdict {
  if ('malformed' in record) return { ok: false, username: '', reason: `malformed line: ${record.malformed}` };
  const fields = record.fields;
  let username = fields.username;
  if (username === undefined) {
    const idField = APP_USER_ID_FIELDS.find((name) => fields[name] !== undefined);
    if (!idField) return { ok: false, username: '', reason: 'missing username (or app_user_id)' };
    username = toUsername(fields[idField]!);
  }
  if (!USERNAME.test(username)) {
    return { ok: false, username, reason: username.length > 64 ? 'username too long' : 'invalid username' };
  }
  const password = fields.password;
  if (password === undefined || password === '') return { ok: false, username, reason: 'missing password' };
  if ([...password].length > 64) return { ok: false, username, reason: 'password too long' };
  const nickname = fields.nickname;
  if (nickname !== undefined && [...nickname].length > 100) return { ok: false, username, reason: 'nickname too long' };
  return { ok: true, user: { username, password, ...(nickname !== undefined && { nickname }) } };
}
