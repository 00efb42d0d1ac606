import type { Middleware } from 'openapi-fetch';
import { EasemobError, type ErrorBody } from './easemob-error.ts';
import { operationName } from './operation-ids.ts';
import type { Redactor } from './redactor.ts';
import { parseRetryAfter } from './retry-after.ts';
import { isRetryableStatus } from './retry-policy.ts';

/**
 * Turns the final non-2xx answer (after auth renewal and retries) into a thrown EasemobError, so
 * a call either resolves with `data` or rejects with everything needed to decide what next.
 * It never re-sends, so it is ordinary openapi-fetch middleware.
 */
export function createErrorsMiddleware(redact: Redactor): Middleware {
  return {
    // Not async: a 2xx (nearly every answer) then costs no promise at all.
    onResponse({ request, response, schemaPath }) {
      return response.ok ? undefined : toEasemobError(request, response, schemaPath, redact);
    },
  };
}

async function toEasemobError(request: Request, response: Response, schemaPath: string, redact: Redactor): Promise<never> {
  throw new EasemobError(
    {
      status: response.status,
      operation: operationName(request.method, schemaPath),
      body: await readErrorBody(response),
      retryable: isRetryableStatus(request.method, response.status),
      retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
    },
    redact,
  );
}

async function readErrorBody(response: Response): Promise<Partial<ErrorBody> | undefined> {
  const text = await response.text().catch(() => '');
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Partial<ErrorBody>) : undefined;
  } catch {
    return undefined; // a proxy's HTML error page, or nothing
  }
}
