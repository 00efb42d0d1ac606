// Turns one input record into a registration, or says why it cannot be one. The rules are the
// service's, as the description states them (UserRegistration), read from the generated
// REQUEST_LIMITS: a username of the pattern within its byte length, a password and an optional
// nickname within their lengths.
import { REQUEST_LIMITS, toUsername, type UserRegistration } from '../../client/index.ts';
import type { InputRecord } from './read-records.ts';

const { username: USERNAME_RULE, password: PASSWORD_RULE, nickname: NICKNAME_RULE } = REQUEST_LIMITS;
const USERNAME = new RegExp(USERNAME_RULE.pattern);
const characters = (text: string) => [...text].length;

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
  if (Buffer.byteLength(username) > USERNAME_RULE.maxBytes) return { ok: false, username, reason: 'username too long' };
  if (username.length < USERNAME_RULE.minLength || !USERNAME.test(username)) return { ok: false, username, reason: 'invalid username' };
  const password = fields.password;
  if (password === undefined || password === '') return { ok: false, username, reason: 'missing password' };
  if (characters(password) < PASSWORD_RULE.minLength) return { ok: false, username, reason: 'password too short' };
  if (characters(password) > PASSWORD_RULE.maxLength) return { ok: false, username, reason: 'password too long' };
  const nickname = fields.nickname;
  if (nickname !== undefined && characters(nickname) > NICKNAME_RULE.maxLength) return { ok: false, username, reason: 'nickname too long' };
  return { ok: true, user: { username, password, ...(nickname !== undefined && { nickname }) } };
}
