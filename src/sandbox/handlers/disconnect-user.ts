// GET /users/{username}/disconnect (disconnectUser): forces the user offline. `result` is true:
// afterwards the user is offline, whether or not it was online before.
import type { Handler } from '../context.ts';
import { findUser } from '../find-user.ts';
import { duration } from '../http/envelope.ts';

export const disconnectUser: Handler = (ctx) => {
  const user = findUser(ctx, ctx.params.username);
  ctx.store.users.setOnline(user.seq, false);
  return { body: { action: 'Disconnect user', data: { result: true }, timestamp: ctx.now, duration: duration(ctx) } };
};
