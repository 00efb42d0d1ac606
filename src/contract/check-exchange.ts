// Holds one live exchange (a request and the answer it got) against the description: the
// request must match an operation, the status must be documented for it, the content type too,
// the body must validate, and documented required headers must be present.
//
// The checker is total: whatever the exchange holds (a URL that does not parse, malformed
// percent-encoding, header names no Headers object takes, bytes that are not UTF-8), the
// answer is a result with violations, never an exception. Negative tests send exactly such
// things, and one odd exchange must not hide the verdict on the others.
import { deref, SchemaValidators, type Description, type JsonObject } from './description.ts';
import { OperationMatcher } from './operations.ts';

export interface Exchange {
  method: string;
  /** The full request URL. */
  url: string;
  status: number;
  /** Response headers (names in any case). */
  headers: Headers | Record<string, string>;
  /** The response body: text, or the bytes as received ('' or empty when there is none). */
  body: string | Uint8Array;
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
    try {
      return this.#check(exchange);
    } catch (error) {
      // A last resort: every input the checker knows to be odd is handled below.
      const reason = `the checker could not read this exchange (${error instanceof Error ? `${error.name}: ${error.message}` : String(error)})`;
      return unreadable(exchange, reason);
    }
  }

  #check(exchange: Exchange): ExchangeResult {
    const url = URL.parse(String(exchange.url));
    if (url === null) return unreadable(exchange, 'the request URL cannot be parsed');
    const relative = `/${url.pathname.split('/').filter(Boolean).slice(this.#prefixSegments).join('/')}`;
    const matched = this.#matcher.match(String(exchange.method), relative);
    const status = exchange.status;
    if (!matched) {
      const operation = `${String(exchange.method).toUpperCase()} ${relative}`;
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

    const headers = readHeaders(exchange.headers);
    if (headers === undefined) {
      fail('', 'the response headers are not valid HTTP header names and values');
      return { operationId: operation, documentedAs, violations };
    }
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

    const text = readText(exchange.body);
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
    if (text === undefined) {
      fail('', 'the body is not valid UTF-8');
      return { operationId: operation, documentedAs, violations };
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
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

function unreadable(exchange: Exchange, reason: string): ExchangeResult {
  const operation = `${String(exchange.method).toUpperCase()} ${String(exchange.url)}`;
  return { operationId: undefined, documentedAs: undefined, violations: [{ operation, status: exchange.status, pointer: '', reason }] };
}

function readHeaders(headers: Exchange['headers']): Headers | undefined {
  if (headers instanceof Headers) return headers;
  try {
    return new Headers(headers);
  } catch {
    return undefined;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function readText(body: Exchange['body']): string | undefined {
  if (typeof body === 'string') return body;
  try {
    return utf8.decode(body);
  } catch {
    return undefined;
  }
}

export function formatViolation(v: Violation): string {
  return `${v.operation} ${v.status} at ${v.pointer || '(body)'}: ${v.reason}`;
}
