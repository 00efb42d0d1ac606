// Builds a request for any operation from the description: path parameters from the given
// users, required query parameters from their examples, the body from the first example.
import { deref, type Description, type JsonObject } from '../description.ts';
import type { Operation } from '../operations.ts';
import type { CallOptions } from './api.ts';

export interface RequestShape {
  method: string;
  path: string;
  options: CallOptions;
}

export interface PathValues {
  /** For {username} and {owner_username}. */
  user: string;
  /** For {friend_username} and {blocked_username}. */
  other: string;
}

export function parametersOf(description: Description, op: Operation): JsonObject[] {
  return ((op.operation.parameters ?? []) as unknown[]).map((p) => deref<JsonObject>(description, p));
}

export function firstBodyExample(description: Description, op: Operation): unknown {
  const body = op.operation.requestBody as JsonObject | undefined;
  if (!body) return undefined;
  const media = Object.values(body.content as Record<string, JsonObject>)[0]!;
  return deref<JsonObject>(description, Object.values(media.examples as JsonObject)[0]).value;
}

/** A parameter's first named example, as the description gives it. */
function firstParameterExample(description: Description, parameter: JsonObject): string {
  return String(deref<JsonObject>(description, Object.values(parameter.examples as JsonObject)[0]).value);
}

/** The request body's media type when it is not JSON (user attributes are form-encoded). */
export function formBody(op: Operation): boolean {
  const body = op.operation.requestBody as JsonObject | undefined;
  return body !== undefined && 'application/x-www-form-urlencoded' in (body.content as JsonObject);
}

/** `overrides` replaces single parameters (path or query) by name, e.g. to break one of them. */
export function requestFor(description: Description, op: Operation, values: PathValues, overrides: Record<string, string> = {}): RequestShape {
  const byName: Record<string, string> = {
    username: values.user,
    owner_username: values.user,
    friend_username: values.other,
    blocked_username: values.other,
    ...overrides,
  };
  let path = op.pathTemplate;
  const query: Record<string, string> = {};
  for (const parameter of parametersOf(description, op)) {
    const name = String(parameter.name);
    // A path parameter the values do not name (msg_id, resourceId) takes its first example.
    if (parameter.in === 'path') path = path.replace(`{${name}}`, encodeURIComponent(byName[name] ?? firstParameterExample(description, parameter)));
    if (parameter.in === 'query' && name in overrides) query[name] = overrides[name]!;
    else if (parameter.in === 'query' && parameter.required) {
      query[name] = firstParameterExample(description, parameter);
    }
  }
  const body = firstBodyExample(description, op);
  if (body !== undefined && formBody(op)) {
    const form = new URLSearchParams(body as Record<string, string>).toString();
    return { method: op.method, path, options: { query, rawBody: form, contentType: 'application/x-www-form-urlencoded' } };
  }
  return { method: op.method, path, options: { query, ...(body !== undefined && { body }) } };
}

/** Names a user in its path and documents 404 for one that does not exist (the attribute reads answer {} instead). */
export const namesAUser = (op: Operation) =>
  /\{(username|owner_username)\}/.test(op.pathTemplate) && Object.hasOwn(op.operation.responses as object, '404');
