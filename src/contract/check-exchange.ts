// Holds one live exchange (a request and the answer it got) against the description: the
// request must match an operation, the status must be documented for it, the content type too,
// the body must validate, and documented required headers must be present.
import { deref, SchemaValidators, type Description, type JsonObject } from './description.ts';
import { OperationMatcher } from './operations.ts';

export interface Exchange {
  method: string;
  /** The full request URL. */
  url: string;
  status: number;
  /** Response headers (names in any case). */
  headers: Headers | Record<string, string>;
  /** The response body as text ('' when there is none). */
  body: string;
}

export interface Violation {
  /** operationId, or `METHOD /path` when no operation matches. */
  operation: string;
  status: number;
  /** JSON pointer into the response body ('' for the whole answer). */
  pointer: string;
  reason: string;
}

export interface ExchangeResult {
  operationId: string | undefined;
  /** The documented response key that covered this status: '200', '404', 'default', … */
  documentedAs: string | undefined;
  violations: Violation[];
}

export class ContractChecker {
  readonly description: Description;
  readonly #validators: SchemaValidators;
  readonly #matcher: OperationMatcher;
  /**
   * How many leading path segments are the app prefix: 2 for an app base URL (`/{org}/{app}`,
   * the description's server variables, so any org/app), 0 where paths are served at the root
   * (Prism).
   */
  readonly #prefixSegments: number;

  constructor(description: Description, baseUrl: string) {
    this.description = description;
    this.#validators = new SchemaValidators(description);
    this.#matcher = new OperationMatcher(description);
    this.#prefixSegments = new URL(baseUrl).pathname.split('/').filter(Boolean).length;
  }

  check(exchange: Exchange): ExchangeResult {
    const url = new URL(exchange.url);
    const relative = `/${url.pathname.split('/').filter(Boolean).slice(this.#prefixSegments).join('/')}`;
    const matched = this.#matcher.match(exchange.method, relative);
    const status = exchange.status;
    if (!matched) {
      const operation = `${exchange.method.toUpperCase()} ${relative}`;
      return { operationId: undefined, documentedAs: undefined, violations: [{ operation, status, pointer: '', reason: 'no operation of the description matches this request' }] };
    }
    const operation = matched.operationId;
    const violations: Violation[] = [];
    const fail = (pointer: string, reason: string) => violations.push({ operation, status, pointer, reason });

    const responses = matched.operation.responses as Record<string, JsonObject>;
    // `default` documents only server errors: a client error the description does not list is a gap.
    const documentedAs = Object.hasOwn(responses, String(status))
      ? String(status)
      : status >= 500 && responses.default
        ? 'default'
        : undefined;
    if (!documentedAs) {
      fail('', `status ${status} is not documented for ${operation}`);
      return { operationId: operation, documentedAs, violations };
    }
    const response = deref<JsonObject>(this.description, responses[documentedAs]);

    const headers = exchange.headers instanceof Headers ? exchange.headers : new Headers(exchange.headers);
    for (const [name, ref] of Object.entries((response.headers ?? {}) as Record<string, unknown>)) {
      const header = deref<JsonObject>(this.description, ref);
      const value = headers.get(name);
      if (value === null) {
        if (header.required) fail('', `required header ${name} is missing`);
        continue;
      }
      // Header values are text: a number-typed header is checked as the number it spells.
      const schema = deref<JsonObject>(this.description, header.schema);
      const numeric = (schema.type === 'integer' || schema.type === 'number') && /^-?\d+(\.\d+)?$/.test(value.trim());
      const validate = this.#validators.forSchema(header.schema as JsonObject);
      if (!validate(numeric ? Number(value) : value)) fail('', `header ${name}: "${value}" ${this.#validators.errorsText(validate)}`);
    }

    const content = response.content as Record<string, JsonObject> | undefined;
    if (!content) {
      if (exchange.body.length > 0) fail('', 'a body was sent where the description documents none');
      return { operationId: operation, documentedAs, violations };
    }
    const mediaType = (headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    const media = content[mediaType];
    if (!media) {
      fail('', `content type "${mediaType || '(none)'}" is not documented (expected ${Object.keys(content).join(', ')})`);
      return { operationId: operation, documentedAs, violations };
    }
    let body: unknown;
    try {
      body = JSON.parse(exchange.body);
    } catch {
      fail('', 'the body is not valid JSON');
      return { operationId: operation, documentedAs, violations };
    }
    const validate = this.#validators.forSchema(media.schema as JsonObject);
    if (!validate(body)) {
      for (const error of validate.errors ?? []) {
        const detail = error.params && Object.keys(error.params).length ? ` (${JSON.stringify(error.params)})` : '';
        fail(error.instancePath, `${error.message ?? 'is invalid'}${detail}`);
      }
    }
    return { operationId: operation, documentedAs, violations };
  }
}

export function formatViolation(v: Violation): string {
  return `${v.operation} ${v.status} at ${v.pointer || '(body)'}: ${v.reason}`;
}
