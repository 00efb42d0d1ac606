// GET /users/{username}/offline_msg_status/{msg_id} (getOfflineMessageStatus):
// {"<msg_id>": "delivered" | "undelivered"}. A message the sandbox never queued is not waiting
// for the user, so it answers "delivered". The service documents no rule for msg_id: any
// path segment is one (the PHP example sends ids like 77225969013752296_pd7J8-20-c3104), up to
// 1024 characters and without control characters (which no id of the service holds).
import type { Handler } from '../context.ts';
import { findUser } from '../find-user.ts';
import { errors } from '../http/api-error.ts';
import { envelope } from '../http/envelope.ts';

// Control characters (\u0000-\u001f, \u007f) are what is refused.
export const MSG_ID_PATTERN = /^[^/\u0000-\u001f\u007f]{1,1024}$/;

export const getOfflineMessageStatus: Handler = (ctx) => {
  const user = findUser(ctx, ctx.params.username);
  const msgId = ctx.params.msg_id ?? '';
  if (!MSG_ID_PATTERN.test(msgId)) throw errors.illegalArgument('msg_id is not legal');
  const state = ctx.store.messages.state(user.seq, msgId) ?? 'delivered';
  return { body: envelope(ctx, { action: 'get', data: { [msgId]: state } }) };
};
