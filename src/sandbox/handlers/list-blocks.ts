// GET /users/{owner_username}/blocks/users (listBlocks): usernames in `data`. With `pageSize`
// (1..50) or `cursor` (later docs, user_friend_blocklist_obtain.md) one page, newest first,
// with `count` and a `cursor` while more remain; without either, the whole list (2015 guide).
import type { Handler } from '../context.ts';
import { decodeRelationCursor, encodeRelationCursor } from '../relation-cursor.ts';
import { findUser } from '../find-user.ts';
import { errors } from '../http/api-error.ts';
import { envelope } from '../http/envelope.ts';

export const MAX_BLOCK_PAGE = 50;
const DEFAULT_BLOCK_PAGE = 10;

function parsePageSize(value: string | null): number {
  if (value === null) return DEFAULT_BLOCK_PAGE;
  const size = /^[0-9]{1,4}$/.test(value) ? Number(value) : NaN;
  if (!(size >= 1 && size <= MAX_BLOCK_PAGE)) throw errors.illegalArgument(`pageSize must be between 1 and ${MAX_BLOCK_PAGE}`);
  return size;
}

export const listBlocks: Handler = (ctx) => {
  const owner = findUser(ctx, ctx.params.owner_username);
  const pageSizeParam = ctx.query.get('pageSize');
  const cursorParam = ctx.query.get('cursor');
  if (pageSizeParam === null && cursorParam === null) {
    return { body: envelope(ctx, { action: 'get', data: ctx.store.relations.blocks(owner.seq) }) };
  }
  const size = parsePageSize(pageSizeParam);
  const from = decodeRelationCursor(cursorParam);
  const rows = ctx.store.blockQueries.page(owner.seq, from, size + 1);
  const page = rows.slice(0, size);
  const last = page.at(-1);
  const next = rows.length > size && last ? encodeRelationCursor(last) : undefined;
  return {
    body: envelope(ctx, {
      action: 'get',
      data: page.map((row) => row.username),
      echo: ['pageSize', 'cursor'],
      count: page.length,
      ...(next ? { cursor: next } : {}),
    }),
  };
};
