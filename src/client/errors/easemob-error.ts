import type { components } from '../../../generated/schema.js';

export type ErrorBody = components['schemas']['ErrorBody'];

export interface EasemobErrorDetails {
  /** HTTP status of the final answer (after retries). */
  status: number;
  /** The operationId (`getUser`), or `METHOD /path` for a path the description does not know. */
  operation: string;
  /** The service's error body as parsed: an object when it sent JSON, else its text, if any. */
  body: unknown;
  /** Whether sending the same request again later could succeed. */
  retryable: boolean;
  /** How long the service asked us to wait (Retry-After), in milliseconds. */
  retryAfterMs: number | undefined;
  /** Set when a 2xx answer carried no body although the operation documents one. */
  summary?: string | undefined;
}

/** Longer texts are cut before redaction: an error field is a sentence, not a document. */
const MAX_TEXT = 4096;
const CODE = /^[a-z][a-z0-9_]{0,127}$/;

/**
 * A non-2xx answer from Easemob (or a 2xx one without the body the operation promises). Every
 * text field is redacted before it is stored, because the service echoes request fragments (a
 * json_parse error quotes the body, passwords included) and errors end up in logs.
 */
export class EasemobError extends Error {
  override readonly name = 'EasemobError';
  readonly status: number;
  /** The service's stable code (`duplicate_unique_property_exists`, `reach_limit`, ...), if any. */
  readonly error: string | undefined;
  readonly errorDescription: string | undefined;
  /** The Java class that failed on the service side (Apache Usergrid), if sent. */
  readonly exception: string | undefined;
  readonly operation: string;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;

  constructor(details: EasemobErrorDetails, redact: (text: string) => string) {
    const body = typeof details.body === 'object' && details.body !== null ? (details.body as Partial<Record<keyof ErrorBody, unknown>>) : {};
    const text = (value: unknown) => (typeof value === 'string' ? redact(value.slice(0, MAX_TEXT)) : undefined);
    // The service's code (`duplicate_unique_property_exists`) is an identifier it chose, never an
    // echo; redacting it could garble it where a password happens to be a word of it.
    const error = typeof body.error === 'string' && CODE.test(body.error) ? body.error : text(body.error);
    const errorDescription = text(body.error_description);
    const summary = details.summary ?? ([error, errorDescription].filter(Boolean).join(': ') || 'no error body');
    super(`${details.operation} failed with ${details.status}: ${summary}`);
    this.status = details.status;
    this.error = error;
    this.errorDescription = errorDescription;
    this.exception = text(body.exception);
    this.operation = details.operation;
    this.retryable = details.retryable;
    this.retryAfterMs = details.retryAfterMs;
  }
}
