// POST /users/{username}/activate (activateUser): only action, timestamp and duration come back.
import type { Handler } from '../context.ts';
import { findUser } from '../find-user.ts';
import { duration } from '../http/envelope.ts';

export const activateUser: Handler = (ctx) => {
  const user = findUser(ctx, ctx.params.username);
  ctx.store.users.setActivated(user.seq, true, ctx.now);
  return { body: { action: 'activate user', timestamp: ctx.now, duration: duration(ctx) } };
};
