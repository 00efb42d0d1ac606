// GET /metadata/user/capacity (getAttributesCapacity): the bytes all the app's user attributes
// take (UTF-8 keys and values), in `data` (userprofile.md).
import type { Handler } from '../context.ts';
import { duration } from '../http/envelope.ts';

export const getAttributesCapacity: Handler = (ctx) => ({
  body: { timestamp: ctx.now, data: ctx.store.attributes.appSize(ctx.app.id), duration: duration(ctx) },
});
