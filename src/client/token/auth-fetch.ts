import type { ClientLog } from '../pipeline/client-events.ts';
import type { CallContext, Send } from '../pipeline/fetch-types.ts';
import type { TokenSource } from './token-source.ts';

/**
 * Adds `Authorization: Bearer <token>` and, when the service answers 401 (expired or revoked
 * token), renews the token once and sends the request once more, through the same pipeline and
 * with the same call context (so the re-send keeps its place in the rate limiter's queue). The
 * first send uses a clone, so the original body is still unread for that second send.
 */
export function createAuthFetch(send: Send, tokens: TokenSource, onToken: (token: string) => void, log?: ClientLog): Send {
  // Plain promise chains rather than async functions: this runs on every call, and a cached
  // token (a string, not a promise) then costs no extra tick.
  return (request, call) => {
    const token = tokens.current();
    return typeof token === 'string' ? sendWith(request, call, token) : token.then((t) => sendWith(request, call, t));
  };

  function sendWith(request: Request, call: CallContext, token: string): Promise<Response> {
    onToken(token);
    const first = request.body === null ? request : request.clone();
    first.headers.set('Authorization', `Bearer ${token}`);
    return send(first, call).then((response) => (response.status === 401 ? renewAndResend(request, call, token, response) : response));
  }

  async function renewAndResend(request: Request, call: CallContext, rejected: string, response: Response): Promise<Response> {
    log?.({ type: 'token-rejected', method: request.method, path: new URL(request.url).pathname });
    const fresh = await tokens.renew(rejected);
    if (fresh === undefined) return response;
    onToken(fresh);
    await response.body?.cancel().catch(() => {});
    request.headers.set('Authorization', `Bearer ${fresh}`);
    return send(request, call);
  }
}
