// GET /users/{username}/offline_msg_status/{msg_id} (getOfflineMessageStatus):
// {"<msg_id>": "delivered" | "undelivered"}. A message the sandbox never queued is not waiting
// for the user, so it answers "delivered".
import type { Handler } from '../context.ts';
import { findUser } from '../find-user.ts';
import { errors } from '../http/api-error.ts';
import { envelope } from '../http/envelope.ts';

export const MSG_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export const getOfflineMessageStatus: Handler = (ctx) => {
  const user = findUser(ctx, ctx.params.username);
  const msgId = ctx.params.msg_id ?? '';
  if (!MSG_ID_PATTERN.test(msgId)) throw errors.illegalArgument(`msg_id [${msgId.slice(0, 80)}] is not legal`);
  const state = ctx.store.messages.state(user.seq, msgId) ?? 'delivered';
  return { body: envelope(ctx, { action: 'get', data: { [msgId]: state } }) };
};
