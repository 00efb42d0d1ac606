// The opaque cursor of a paged block list or contact list: base64url of
// "<created>:<other user's seq>", the position of the last name on the page. An empty cursor
// (`cursor=`) is the first page: the web SDK's getContactsWithCursor sends one on its first call
// (easemob-websdk 4.21.1). Any other cursor this sandbox could not have made is a 400.
import { errors } from './http/api-error.ts';
import type { RelationPosition } from './storage/block-queries.ts';

export function encodeRelationCursor(position: RelationPosition): string {
  return Buffer.from(`${position.created}:${position.seq}`).toString('base64url');
}

/** The position a `cursor` query parameter names; undefined (the first page) when absent or empty. */
export function decodeRelationCursor(cursor: string | null): RelationPosition | undefined {
  if (cursor === null || cursor === '') return undefined;
  const invalid = () => errors.illegalArgument('cursor is not valid');
  if (!/^[A-Za-z0-9_=-]{1,512}$/.test(cursor)) throw invalid();
  const match = /^([0-9]{1,15}):([0-9]{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('latin1'));
  if (!match) throw invalid();
  return { created: Number(match[1]), seq: Number(match[2]) };
}
