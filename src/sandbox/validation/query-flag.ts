// A boolean query parameter (needReturnRemark, isSendNotice): true or false in any letter case, or
// absent (false). Any case, because the service is Java, and Java reads a boolean parameter so
// (Boolean.parseBoolean under Jersey, Spring's StringToBooleanConverter), while Python spells its
// booleans `True` and `False` (requests with a bool param, Swagger Codegen's client). Other text is
// refused: `1` (PHP's http_build_query) is true to Spring and false to Jersey, so no client can
// count on either answer.
import { errors } from '../http/api-error.ts';

export function parseFlag(value: string | null, name: string): boolean {
  if (value === null) return false;
  const lower = value.toLowerCase();
  if (lower === 'false') return false;
  if (lower === 'true') return true;
  throw errors.illegalArgument(`${name} must be true or false`);
}
