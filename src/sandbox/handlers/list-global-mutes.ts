// GET /mutes?pageNum=&pageSize= (listGlobalMutes): the mutes in force, one entry per user and
// kind, {username, <kind>: seconds left}, in data.data, with data.unixtime in seconds
// (account_system.md, 2023). pageNum from 1, pageSize 1..50 (10 by default). Lifted and
// expired mutes are not listed (the page's example shows some 0 entries; the sandbox leaves
// them out).
import type { Handler } from '../context.ts';
import { errors } from '../http/api-error.ts';
import { envelope } from '../http/envelope.ts';

function parseInteger(value: string | null, name: string, fallback: number, max: number): number {
  if (value === null) return fallback;
  const n = /^[0-9]{1,6}$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1 && n <= max)) throw errors.illegalArgument(`${name} must be between 1 and ${max}`);
  return n;
}

export const listGlobalMutes: Handler = (ctx) => {
  if (!ctx.store.globalMutes.enabled(ctx.app.id)) throw errors.globalMuteOff();
  const pageNum = parseInteger(ctx.query.get('pageNum'), 'pageNum', 1, 10000);
  const pageSize = parseInteger(ctx.query.get('pageSize'), 'pageSize', 10, 50);
  const entries = ctx.store.globalMutes.page(ctx.app.id, ctx.now, (pageNum - 1) * pageSize, pageSize);
  const data = { data: entries.map((entry) => ({ username: entry.username, [entry.kind]: entry.seconds })), unixtime: Math.floor(ctx.now / 1000) };
  return { body: envelope(ctx, { action: 'get', path: '/mutes', data, echo: ['pageNum', 'pageSize'] }) };
};
