// A boolean query parameter (needReturnRemark, isSendNotice): true, false, or absent (the default).
import { errors } from '../http/api-error.ts';

export function parseFlag(value: string | null, name: string): boolean {
  if (value === null || value === 'false') return false;
  if (value === 'true') return true;
  throw errors.illegalArgument(`${name} must be true or false`);
}
