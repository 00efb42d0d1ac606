import type { components } from '../../generated/schema.js';
import type { Redactor } from './redactor.ts';

export type ErrorBody = components['schemas']['ErrorBody'];

export interface EasemobErrorDetails {
  /** HTTP status of the final answer (after retries). */
  status: number;
  /** The operationId (`getUser`), or `METHOD /path` for a path the description does not know. */
  operation: string;
  /** The service's parsed error body, when it sent one. */
  body: Partial<ErrorBody> | undefined;
  /** Whether sending the same request again later could succeed. */
  retryable: boolean;
  /** How long the service asked us to wait (Retry-After), in milliseconds. */
  retryAfterMs: number | undefined;
}

/**
 * A non-2xx answer from Easemob. Every text field is redacted before it is stored, because the
 * service echoes request fragments (a json_parse error quotes the body, passwords included) and
 * errors end up in logs.
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

  constructor(details: EasemobErrorDetails, redact: Redactor) {
    const error = optionalText(details.body?.error, redact);
    const errorDescription = optionalText(details.body?.error_description, redact);
    const summary = [error, errorDescription].filter(Boolean).join(': ') || 'no error body';
    super(`${details.operation} failed with ${details.status}: ${summary}`);
    this.status = details.status;
    this.error = error;
    this.errorDescription = errorDescription;
    this.exception = optionalText(details.body?.exception, redact);
    this.operation = details.operation;
    this.retryable = details.retryable;
    this.retryAfterMs = details.retryAfterMs;
  }
}

function optionalText(value: unknown, redact: Redactor): string | undefined {
  return typeof value === 'string' ? redact(value) : undefined;
}
