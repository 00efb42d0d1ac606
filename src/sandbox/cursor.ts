// The opaque cursor of GET /users and DELETE /users. Like the service's, it is base64url of
// "<n>:<base64url of the last user's 16-byte UUID>"; here <n> is that user's creation sequence
// number. Pages are keyset pages (users created after that number), so a cursor stays correct
// while users are added and deleted: nobody is skipped or repeated.
import { errors } from './http/api-error.ts';

export function encodeCursor(seq: number, uuid: string): string {
  const uuidBytes = Buffer.from(uuid.replace(/-/g, ''), 'hex').toString('base64url');
  return Buffer.from(`${seq}:${uuidBytes}`).toString('base64url');
}

/** The sequence number a cursor points after; a cursor this sandbox could not have made is 400. */
export function decodeCursor(cursor: string): number {
  const invalid = () => errors.illegalArgument('cursor is not valid');
  if (!/^[A-Za-z0-9_-]{1,512}$/.test(cursor)) throw invalid();
  const match = /^([0-9]{1,15}):([A-Za-z0-9_-]{22})$/.exec(Buffer.from(cursor, 'base64url').toString('latin1'));
  if (!match) throw invalid();
  return Number(match[1]);
}
