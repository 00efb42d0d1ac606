import type { ClientLog } from './client-events.ts';
import type { FetchLike } from './fetch-types.ts';
import type { TokenSource } from './token-source.ts';

/**
 * Adds `Authorization: Bearer <token>` and, when the service answers 401 (expired or revoked
 * token), renews the token once and sends the request once more. The first send uses a clone,
 * so the original body is still unread for that second send.
 */
export function createAuthFetch(
  send: FetchLike,
  tokens: TokenSource,
  onToken: (token: string) => void,
  log?: ClientLog,
): FetchLike {
  // Plain promise chains rather than async functions: this runs on every call, and a cached
  // token (a string, not a promise) then costs no extra tick.
  return (request) => {
    const token = tokens.current();
    return typeof token === 'string' ? sendWith(request, token) : token.then((t) => sendWith(request, t));
  };

  function sendWith(request: Request, token: string): Promise<Response> {
    onToken(token);
    const first = request.body === null ? request : request.clone();
    first.headers.set('Authorization', `Bearer ${token}`);
    return send(first).then((response) => (response.status === 401 ? renewAndResend(request, token, response) : response));
  }

  async function renewAndResend(request: Request, rejected: string, response: Response): Promise<Response> {
    log?.({ type: 'token-rejected', method: request.method, path: new URL(request.url).pathname });
    const fresh = await tokens.renew(rejected);
    if (fresh === undefined) return response;
    onToken(fresh);
    await response.body?.cancel().catch(() => {});
    request.headers.set('Authorization', `Bearer ${fresh}`);
    return send(request);
  }
}
