// The opaque cursor of GET /users and DELETE /users. Like the service's, it is base64url of
// "<n>:<base64url of the last user's 16-byte UUID>"; here <n> is that user's creation sequence
// number. Pages are keyset pages (users created after that number), so a cursor stays correct
// while users are added and deleted: nobody is skipped or repeated.
import { errors } from './http/api-error.ts';

export function encodeCursor(seq: number, uuid: string): string {
  const uuidBytes = Buffer.from(uuid.replace(/-/g, ''), 'hex').toString('base64url');
  return Buffer.from(`${seq}:${uuidBytes}`).toString('base64url');
}

/** Longer than any cursor of the service: bad input, not "no cursor". */
export const MAX_CURSOR_LENGTH = 1024;

/**
 * The sequence number a cursor points after. Like Usergrid, a cursor that is empty or does not
 * decode to "<n>:<bytes>" is no cursor: the first page (0). Clients send `cursor=` on a first page
 * and pass back what they were given, unencoded (docs/sources.md, "What real clients send": cursors).
 */
export function decodeCursor(cursor: string | null): number {
  if (cursor !== null && cursor.length > MAX_CURSOR_LENGTH) throw errors.illegalArgument(`cursor must not be longer than ${MAX_CURSOR_LENGTH} characters`);
  if (cursor === null || !/^[A-Za-z0-9_-]{1,512}={0,2}$/.test(cursor)) return 0;
  const match = /^([0-9]{1,15}):([A-Za-z0-9_-]{22})$/.exec(Buffer.from(cursor.replace(/=+$/, ''), 'base64url').toString('latin1'));
  return match ? Number(match[1]) : 0;
}
