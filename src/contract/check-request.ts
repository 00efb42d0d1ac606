// Holds one request a team's code sends against the description: it must match an operation,
// its query parameters must be declared and valid, and a JSON body must validate against the
// operation's request schema. (What the service tolerates is wider, docs/sources.md: this is
// about sending what the description documents, so that typos in callers are caught.)
import { deref, SchemaValidators, type Description, type JsonObject } from './description.ts';
import { OperationMatcher } from './operations.ts';
import type { Violation } from './check-exchange.ts';

export interface OutgoingRequest {
  method: string;
  /** The full request URL. */
  url: string;
  /** The body as text, if any. */
  body?: string | undefined;
}

export class RequestChecker {
  readonly #description: Description;
  readonly #validators: SchemaValidators;
  readonly #matcher: OperationMatcher;
  readonly #prefixSegments: number;

  /** `baseUrl` as for ContractChecker: an app base URL (`…/{org}/{app}`), or a root (Prism). */
  constructor(description: Description, baseUrl: string, validators = new SchemaValidators(description)) {
    this.#description = description;
    this.#validators = validators;
    this.#matcher = new OperationMatcher(description);
    this.#prefixSegments = new URL(baseUrl).pathname.split('/').filter(Boolean).length;
  }

  /** Violations carry status 0 (no answer yet) and a pointer prefixed `request:` into the body or query. */
  check(request: OutgoingRequest): Violation[] {
    const url = new URL(request.url);
    const relative = `/${url.pathname.split('/').filter(Boolean).slice(this.#prefixSegments).join('/')}`;
    const matched = this.#matcher.match(request.method, relative);
    if (!matched) return []; // reported with the answer, as "no operation matches"
    const operation = matched.operationId;
    const violations: Violation[] = [];
    const fail = (pointer: string, reason: string) => violations.push({ operation, status: 0, pointer: `request:${pointer}`, reason });

    const parameters = ((matched.operation.parameters ?? []) as unknown[]).map((p) => deref<JsonObject>(this.#description, p));
    for (const [name, value] of url.searchParams) {
      const declared = parameters.find((p) => p.in === 'query' && p.name === name);
      if (!declared) {
        fail(`?${name}`, `query parameter ${name} is not documented for ${operation}`);
        continue;
      }
      const typed = queryValue(deref<JsonObject>(this.#description, declared.schema), value);
      const validate = this.#validators.forSchema(declared.schema as JsonObject);
      if (!validate(typed)) fail(`?${name}`, `"${value}" ${this.#validators.errorsText(validate)}`);
    }
    for (const required of parameters.filter((p) => p.in === 'query' && p.required)) {
      if (!url.searchParams.has(String(required.name))) fail(`?${String(required.name)}`, 'required query parameter is missing');
    }

    const requestBody = matched.operation.requestBody ? deref<JsonObject>(this.#description, matched.operation.requestBody) : undefined;
    const hasBody = request.body !== undefined && request.body.length > 0;
    if (!requestBody) {
      // `{}` says nothing, so it hides no typo: the vendor's Node.js example and Swagger Codegen's
      // python client send it on every call without a body, and the service ignores a body there.
      if (hasBody && !isEmptyObject(request.body!)) fail('', `${operation} takes no request body: the service ignores this one`);
      return violations;
    }
    if (!hasBody) {
      if (requestBody.required) fail('', 'the request body is required');
      return violations;
    }
    const media = (requestBody.content as Record<string, JsonObject>)['application/json'];
    if (!media) return violations;
    let body: unknown;
    try {
      body = JSON.parse(request.body!);
    } catch {
      fail('', 'the request body is not valid JSON');
      return violations;
    }
    const validate = this.#validators.forSchema(media.schema as JsonObject);
    if (!validate(body)) {
      for (const error of validate.errors ?? []) {
        const detail = error.params && Object.keys(error.params).length ? ` (${JSON.stringify(error.params)})` : '';
        fail(error.instancePath, `${error.message ?? 'is invalid'}${detail}`);
      }
    }
    return violations;
  }
}

/**
 * A query string's value as the type its schema names: the query carries only text, so
 * `limit=20` is the integer 20 and `needReturnRemark=true` the boolean true (OpenAPI's form
 * style); text that is no such value stays text, and the schema refuses it.
 */
function queryValue(schema: JsonObject, value: string): unknown {
  if ((schema.type === 'integer' || schema.type === 'number') && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (schema.type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

function isEmptyObject(text: string): boolean {
  return /^\s*\{\s*\}\s*$/.test(text);
}
