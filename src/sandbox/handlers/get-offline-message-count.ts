// GET /users/{owner_username}/offline_msg_count (getOfflineMessageCount): {"<username>": n},
// the messages queued (control API) and not yet delivered.
import type { Handler } from '../context.ts';
import { findUser } from '../find-user.ts';
import { envelope } from '../http/envelope.ts';

export const getOfflineMessageCount: Handler = (ctx) => {
  const user = findUser(ctx, ctx.params.owner_username);
  return { body: envelope(ctx, { action: 'get', data: { [user.username]: ctx.store.messages.waiting(user.seq) } }) };
};
