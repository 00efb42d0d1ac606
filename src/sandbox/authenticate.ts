// Checks the bearer token of a request: missing, corrupt, unknown (or another app's) and expired
// tokens each answer 401 with the service's code and text. Tokens are looked up by digest. A
// token is the app's admin token or one user's token (POST /token, password or inherit grant);
// what a user token may do is decided by security/user-permissions.ts.
import { errors } from './http/api-error.ts';
import { isWellFormedToken, tokenDigest } from './security/app-tokens.ts';
import type { AppRecord } from './storage/apps-store.ts';
import type { Store } from './storage/store.ts';
import type { UserRecord } from './storage/users-store.ts';

/** Who a valid token speaks for: the app's admin, or one of its users. */
export type Principal = { kind: 'app' } | { kind: 'user'; user: UserRecord };

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

/** The 401 Usergrid (Shiro) answers when the caller lacks the permission for method and path. */
export function permissionDenied(request: Pick<AuthRequest, 'app' | 'method' | 'path'>) {
  const path = request.path.length > 200 ? `${request.path.slice(0, 200)}...` : request.path;
  return errors.missingToken(`applications:${request.method.toLowerCase()}:${request.app.uuid}:${path}`);
}

/** Digests of tokens that were found, by the Authorization header that carried them: every API
 * request parses its header and digests its token, and that costs more than the rest of the
 * check. Only tokens the store knew are kept (so unknown ones cannot grow this), and only in this
 * process's memory, which sees them anyway: the database still holds digests only. A header's
 * token and digest never change; whether the token is still valid is looked up each time. */
const knownDigests = new Map<string, string>();
const KNOWN_DIGESTS_MAX = 10_000;
/** A longer header (a token is at most 1,024 characters) is padded: it is not kept. */
const KNOWN_HEADER_MAX_LENGTH = 1_100;

function remember(authorization: string, digest: string): void {
  if (authorization.length > KNOWN_HEADER_MAX_LENGTH) return;
  if (knownDigests.size >= KNOWN_DIGESTS_MAX) knownDigests.clear();
  knownDigests.set(authorization, digest);
}

/** The digest of the header's token; throws when there is no token, or a corrupt one. */
function digestOf(request: AuthRequest): string {
  const token = bearerToken(request.authorization);
  if (token === undefined) throw permissionDenied(request);
  if (!isWellFormedToken(token)) throw errors.corruptToken();
  return tokenDigest(token);
}

export function authenticate(request: AuthRequest): Principal {
  const known = request.authorization === undefined ? undefined : knownDigests.get(request.authorization);
  const digest = known ?? digestOf(request);
  const record = request.store.tokens.find(digest);
  if (record) {
    if (known === undefined) remember(request.authorization!, digest);
    if (record.appId !== request.app.id) throw errors.unknownToken();
    if (record.expiresAt <= request.now) throw errors.expiredToken();
    return { kind: 'app' };
  }
  const userToken = request.store.userTokens.find(digest);
  if (!userToken || userToken.appId !== request.app.id) throw errors.unknownToken();
  if (known === undefined) remember(request.authorization!, digest);
  if (userToken.expiresAt <= request.now) throw errors.expiredToken();
  const user = request.store.users.get(userToken.userSeq);
  if (!user) throw errors.unknownToken();
  return { kind: 'user', user };
}
