// DELETE /users?limit=N (deleteUsers): deletes the N oldest users, returns them, and a cursor
// (for GET /users) while more remain.
import type { Handler } from '../context.ts';
import { encodeCursor } from '../cursor.ts';
import { envelope } from '../http/envelope.ts';
import { toUserEntity } from '../user-entity.ts';
import { parseLimit } from '../validation/limit.ts';

export const deleteUsers: Handler = (ctx) => {
  const limit = parseLimit(ctx.query.get('limit'), undefined);
  const { store, app } = ctx;
  const deleted = store.transaction(() => {
    const rows = store.users.page(app.id, 0, limit);
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
      echo: ['limit'],
      count: deleted.length,
      ...(more && last ? { cursor: encodeCursor(last.seq, last.uuid) } : {}),
    }),
  };
};
