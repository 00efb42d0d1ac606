// GET /users/{username}/status (getStatus): {"<username>": "online" | "offline"}. The control
// API (PUT /_sandbox/{org}/{app}/users/{username}/online) sets it.
import type { Handler } from '../context.ts';
import { findUser } from '../find-user.ts';
import { envelope } from '../http/envelope.ts';

export const getStatus: Handler = (ctx) => {
  const user = findUser(ctx, ctx.params.username);
  return { body: envelope(ctx, { action: 'get', data: { [user.username]: user.online ? 'online' : 'offline' } }) };
};
