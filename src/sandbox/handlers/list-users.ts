// GET /users?limit=&cursor= (listUsers): users in the order they were created, oldest first,
// `limit` a page (10 by default), with a cursor while more remain.
import type { Handler } from '../context.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { envelope } from '../http/envelope.ts';
import { toUserEntity } from '../user-entity.ts';
import { parseLimit } from '../validation/limit.ts';
import { refuseQueryLanguage } from '../validation/query-language.ts';

export const DEFAULT_PAGE_LIMIT = 10;

export const listUsers: Handler = (ctx) => {
  refuseQueryLanguage(ctx.query.get('ql'));
  const limit = parseLimit(ctx.query.get('limit'), DEFAULT_PAGE_LIMIT);
  const after = decodeCursor(ctx.query.get('cursor'));
  const rows = ctx.store.users.page(ctx.app.id, after, limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const next = rows.length > limit && last ? encodeCursor(last.seq, last.uuid) : undefined;
  return {
    body: envelope(ctx, {
      action: 'get',
      path: '/users',
      entities: page.map(toUserEntity),
      echo: ['limit', 'cursor'],
      count: page.length,
      ...(next ? { cursor: next } : {}),
    }),
  };
};
