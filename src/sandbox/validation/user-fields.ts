// The rules for usernames, passwords and nicknames (docs/sources.md, "Rules and limits").
import { errors } from '../http/api-error.ts';

export const USERNAME_PATTERN = /^[a-zA-Z0-9_.-]+$/;
export const USERNAME_MAX_BYTES = 64;
export const PASSWORD_MAX_LENGTH = 64;
export const NICKNAME_MAX_LENGTH = 100;

/** `.` and `..` match the pattern, but in a URL they are dot segments (RFC 3986 §5.2.4): every
 * client and proxy removes them, so a user with such a name could never be addressed. */
function isDotSegment(value: string): boolean {
  return value === '.' || value === '..';
}

/** Whether a string names a possible user (for names in URLs: an impossible one is not found). */
export function isPossibleUsername(value: string): boolean {
  return value.length <= USERNAME_MAX_BYTES && USERNAME_PATTERN.test(value) && !isDotSegment(value);
}

export function checkUsername(value: unknown): string {
  if (value === undefined || value === null || value === '') throw errors.usernameMissing();
  if (typeof value !== 'string' || !USERNAME_PATTERN.test(value) || isDotSegment(value)) throw errors.usernameNotLegal(value);
  if (Buffer.byteLength(value) > USERNAME_MAX_BYTES) throw errors.usernameTooLong();
  return value;
}

export function checkPassword(value: unknown): string {
  if (typeof value !== 'string' || value === '') throw errors.passwordMissing();
  if ([...value].length > PASSWORD_MAX_LENGTH) throw errors.passwordTooLong();
  return value;
}

export function checkNickname(value: unknown): string {
  if (typeof value !== 'string') throw errors.illegalArgument('nickname must be a string');
  if ([...value].length > NICKNAME_MAX_LENGTH) throw errors.nicknameTooLong();
  return value;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
