// Reads a form-encoded body (application/x-www-form-urlencoded), for the one operation that takes
// one (PUT /metadata/user/{username}). Any other media type, JSON above all, is the service's
// 415 (user_attribute_set.md). A key sent twice keeps its last value.
import type { IncomingMessage } from 'node:http';
import { ApiError } from './api-error.ts';

const FORM = 'application/x-www-form-urlencoded';

export function parseForm(req: IncomingMessage, body: Buffer): Record<string, string> {
  const type = req.headers['content-type'] ?? '';
  if (type.split(';')[0]!.trim().toLowerCase() !== FORM) {
    throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', `Content-Type '${type.slice(0, 100)}' is not supported.`);
  }
  // fromEntries defines each key as its own property: `__proto__` is a name like any other, where
  // assigning it to a plain object would set the prototype and drop the pair.
  return Object.fromEntries(new URLSearchParams(body.toString('utf8')));
}
