import type { Client, ClientPathsWithMethod, FetchResponse, MaybeOptionalInit, Middleware } from 'openapi-fetch';
import type { paths } from '../../generated/schema.js';
import { EasemobError } from './errors/easemob-error.ts';
import { operationName } from './errors/operation-name.ts';
import type { SecretRegistry } from './errors/redactor.ts';
import type { CallRunner, RawInit, RawResult, SendOnce } from './pipeline/call-runner.ts';
import { parseRetryAfter } from './pipeline/retry-after.ts';
import { isRetryableStatus } from './pipeline/retry-policy.ts';

type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';
type Media = `${string}/${string}`;
type RequiredKeysOf<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];
// As openapi-fetch's own: the init argument is optional exactly when nothing in it is required.
type InitParam<Init> = [RequiredKeysOf<Init>] extends [never]
  ? [(Init & { [key: string]: unknown })?]
  : [Init & { [key: string]: unknown }];
type PathWith<M extends HttpMethod> = ClientPathsWithMethod<Client<paths>, M>;
type ResponseOf<Operation, Init> = Operation extends Record<string | number, any> ? FetchResponse<Operation, Init, Media> : never;

/**
 * What a call resolves with: the 2xx answer's `data` (never undefined) and the `Response`.
 * There is no `error`: a call that did not get a 2xx answer with its body rejects instead.
 */
export type Settled<R> = R extends { data: infer Data; error?: never } ? { data: Data; response: Response } : never;

export type EasemobMethod<M extends HttpMethod> = <Path extends PathWith<M>, Init extends MaybeOptionalInit<paths[Path], M>>(
  url: Path,
  ...init: InitParam<Init>
) => Promise<Settled<ResponseOf<paths[Path][M], Init>>>;

/**
 * The typed Easemob client: openapi-fetch's client, typed by the description, whose calls
 * resolve only with data. `client.GET('/users/{username}', ...)` resolves with `{ data,
 * response }` on a 2xx answer and rejects with an `EasemobError` on any other status (after
 * token renewal and retries), or with the fetch error (network, `TimeoutError`, `AbortError`).
 */
export interface EasemobClient {
  GET: EasemobMethod<'get'>;
  PUT: EasemobMethod<'put'>;
  POST: EasemobMethod<'post'>;
  DELETE: EasemobMethod<'delete'>;
  OPTIONS: EasemobMethod<'options'>;
  HEAD: EasemobMethod<'head'>;
  PATCH: EasemobMethod<'patch'>;
  TRACE: EasemobMethod<'trace'>;
  request<M extends HttpMethod, Path extends PathWith<M>, Init extends MaybeOptionalInit<paths[Path], M>>(
    method: M,
    url: Path,
    ...init: InitParam<Init>
  ): Promise<Settled<ResponseOf<paths[Path][M], Init>>>;
  /** openapi-fetch middleware, as on its own client. */
  use(...middleware: Middleware[]): void;
  eject(...middleware: Middleware[]): void;
}

const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;

/**
 * Wraps an openapi-fetch client so that every call is run by `runCall` (its attempts: token,
 * retries, the sending pipeline, handed to openapi-fetch as its per-request `fetch`) and settles
 * by one contract: data, or a rejection.
 */
export function settleCalls(raw: Client<paths>, runCall: CallRunner, secrets: SecretRegistry): EasemobClient {
  const run = (method: string, path: string, init: RawInit, sendOnce: SendOnce): Promise<RawResult> =>
    runCall(method, init, sendOnce, (result) => settle(method, path, init, result, secrets));
  const untyped = raw as unknown as Record<string, (path: string, init?: Record<string, unknown>) => Promise<RawResult>>;
  const request = raw.request as unknown as (method: string, path: string, init?: Record<string, unknown>) => Promise<RawResult>;
  const client: Record<string, unknown> = {
    request: (method: string, path: string, init?: RawInit) => run(method.toUpperCase(), path, init, (i) => request(method, path, i)),
    use: raw.use,
    eject: raw.eject,
  };
  for (const method of METHODS) {
    const send = untyped[method]!;
    client[method] = (path: string, init?: RawInit) => run(method, path, init, (i) => send(path, i));
  }
  return client as unknown as EasemobClient;
}

function settle(method: string, path: string, init: RawInit, result: RawResult, secrets: SecretRegistry): RawResult {
  const { response } = result;
  if (response.ok && result.data !== undefined) return result;
  const redact = (text: string) => secrets.redact(text, passwordsIn(init?.body));
  throw new EasemobError(
    {
      status: response.status,
      operation: operationName(method, path),
      body: result.error,
      retryable: !response.ok && isRetryableStatus(method, response.status),
      retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
      ...(response.ok && { summary: 'the answer has no body' }),
    },
    redact,
  );
}

/** The passwords a request body carried: the service may echo them in any form. */
function passwordsIn(body: unknown, found: string[] = []): string[] {
  if (Array.isArray(body)) for (const item of body) passwordsIn(item, found);
  else if (typeof body === 'object' && body !== null) {
    for (const [key, value] of Object.entries(body)) {
      if (typeof value === 'string' && /password|secret/i.test(key)) found.push(value);
      else if (typeof value === 'object') passwordsIn(value, found);
    }
  }
  return found;
}
