// Checks the app token of a request: missing, corrupt, unknown (or another app's) and expired
// tokens each answer 401 with the service's code and text. Tokens are looked up by digest.
import { errors } from './http/api-error.ts';
import { isWellFormedToken, tokenDigest } from './security/app-tokens.ts';
import type { AppRecord } from './storage/apps-store.ts';
import type { Store } from './storage/store.ts';

export interface AuthRequest {
  store: Store;
  app: AppRecord;
  authorization: string | undefined;
  now: number;
  /** For the `unauthorized` text: the method and path the caller lacked permission for. */
  method: string;
  path: string;
}

/** The bearer token in an Authorization header, or undefined when there is none. */
export function bearerToken(authorization: string | undefined): string | undefined {
  if (!authorization) return undefined;
  const match = /^\s*Bearer(?:\s+(.*))?$/i.exec(authorization);
  if (!match) return undefined;
  const token = (match[1] ?? '').trim();
  return token === '' ? undefined : token;
}

export function hasCredentials(authorization: string | undefined): boolean {
  return bearerToken(authorization) !== undefined;
}

export function authenticate(request: AuthRequest): void {
  const token = bearerToken(request.authorization);
  if (token === undefined) {
    const path = request.path.length > 200 ? `${request.path.slice(0, 200)}...` : request.path;
    throw errors.missingToken(`applications:${request.method.toLowerCase()}:${request.app.uuid}:${path}`);
  }
  if (!isWellFormedToken(token)) throw errors.corruptToken();
  const record = request.store.tokens.find(tokenDigest(token));
  if (!record || record.appId !== request.app.id) throw errors.unknownToken();
  if (record.expiresAt <= request.now) throw errors.expiredToken();
}
