// POST /_sandbox/{org}/{app}/users/{username}/offline_messages {"msg_id": "...", "delivered": false}
// Records a message sent to the user while offline (undelivered unless "delivered": true).
// Posting the same msg_id again changes its state.
import { errors } from '../http/api-error.ts';
import { MSG_ID_PATTERN } from '../handlers/get-offline-message-status.ts';
import { isObject } from '../validation/user-fields.ts';
import type { ControlHandler } from './control-context.ts';
import { findControlUser } from './find-control-user.ts';

export const queueOfflineMessage: ControlHandler = (ctx) => {
  const { user } = findControlUser(ctx);
  const body = ctx.body;
  if (!isObject(body) || typeof body.msg_id !== 'string' || !MSG_ID_PATTERN.test(body.msg_id)) {
    throw errors.illegalArgument('msg_id must be 1 to 64 of A-Z a-z 0-9 _ -');
  }
  if (body.delivered !== undefined && typeof body.delivered !== 'boolean') throw errors.illegalArgument('delivered must be true or false');
  const delivered = body.delivered === true;
  ctx.store.messages.put(user.seq, body.msg_id, delivered, ctx.clock.now());
  return { status: 201, body: { username: user.username, msg_id: body.msg_id, delivered, waiting: ctx.store.messages.waiting(user.seq) } };
};
