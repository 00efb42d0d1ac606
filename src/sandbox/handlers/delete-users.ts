// DELETE /users?limit=N&cursor= (deleteUsers): deletes the N oldest users (after the cursor, when
// one is given), returns them, and a cursor while more remain.
import type { Handler } from '../context.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { envelope } from '../http/envelope.ts';
import { toUserEntity } from '../user-entity.ts';
import { parseLimit } from '../validation/limit.ts';
import { refuseQueryLanguage } from '../validation/query-language.ts';

export const deleteUsers: Handler = (ctx) => {
  refuseQueryLanguage(ctx.query.get('ql'));
  const limit = parseLimit(ctx.query.get('limit'), undefined);
  const after = decodeCursor(ctx.query.get('cursor'));
  const { store, app } = ctx;
  const deleted = store.transaction(() => {
    const rows = store.users.page(app.id, after, limit);
    for (const row of rows) store.users.delete(row.seq);
    return rows;
  });
  const last = deleted.at(-1);
  const more = last !== undefined && store.users.hasAfter(app.id, last.seq);
  return {
    body: envelope(ctx, {
      action: 'delete',
      path: '/users',
      entities: deleted.map(toUserEntity),
      echo: ['limit', 'cursor'],
      count: deleted.length,
      ...(more && last ? { cursor: encodeCursor(last.seq, last.uuid) } : {}),
    }),
  };
};
