// Parses a request body as JSON. The answer to a broken body never quotes the body: V8's own
// messages do, and the body may hold a password or a client secret.
import { errors } from './api-error.ts';

export function parseJson(body: Buffer): unknown {
  const text = body.toString('utf8');
  if (text.trim() === '') throw errors.jsonParse('No content to map due to end-of-input');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw errors.jsonParse();
  }
}
