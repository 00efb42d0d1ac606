// POST /_sandbox/clock {"advance_seconds": n}
// Moves the sandbox's clock forward (never back), e.g. to expire tokens. Answers the new time.
import { errors } from '../http/api-error.ts';
import { isObject } from '../validation/user-fields.ts';
import type { ControlHandler } from './control-context.ts';

export const advanceClock: ControlHandler = (ctx) => {
  const seconds = isObject(ctx.body) ? ctx.body.advance_seconds : undefined;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0 || seconds > 10 * 365 * 86400) {
    throw errors.illegalArgument('advance_seconds must be a number of seconds from 0 to ten years');
  }
  ctx.clock.advance(Math.round(seconds * 1000));
  return { body: { now: ctx.clock.now() } };
};
