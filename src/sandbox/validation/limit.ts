// The `limit` query parameter: an integer from 1 to 100.
import { errors } from '../http/api-error.ts';

export const MAX_LIMIT = 100;

export function parseLimit(value: string | null, fallback: number | undefined): number {
  if (value === null) {
    if (fallback === undefined) throw errors.illegalArgument('limit is required');
    return fallback;
  }
  const limit = /^[0-9]{1,4}$/.test(value) ? Number(value) : NaN;
  if (!(limit >= 1 && limit <= MAX_LIMIT)) throw errors.illegalArgument(`limit must be between 1 and ${MAX_LIMIT}`);
  return limit;
}
