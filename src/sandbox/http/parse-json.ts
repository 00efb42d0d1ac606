// Parses a request body as JSON. The answer to a broken body never quotes the body: V8's own
// messages do, and the body may hold a password or a client secret. Nesting is bounded before
// parsing: a value nested thousands deep is valid JSON, but every later step that walks it
// (rendering it in an error text, say) would recurse as deep, so it is refused as bad input.
import { errors } from './api-error.ts';

/** Deeper than any body an operation takes (the deepest is an array of user objects: 2). */
export const MAX_JSON_DEPTH = 32;

/** The deepest nesting of arrays and objects in `text`, brackets inside strings not counted. */
function nestingExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

export function parseJson(body: Buffer): unknown {
  const text = body.toString('utf8');
  if (text.trim() === '') throw errors.jsonParse('No content to map due to end-of-input');
  if (nestingExceeds(text, MAX_JSON_DEPTH)) throw errors.jsonParse(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw errors.jsonParse();
  }
}
