import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from '../../generated/schema.js';
import type { ClientLog } from './client-events.ts';
import type { FetchLike } from './fetch-types.ts';
import type { IssuedToken } from './token-cache.ts';

export interface AppCredentials {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  tokenTtlSeconds?: number | undefined;
}

/**
 * Returns a function that calls getAppToken. It has its own openapi-fetch client over the same
 * send pipeline (so token requests are throttled and retried) but without the auth layer.
 */
export function createAppTokenFetcher(
  credentials: AppCredentials,
  send: FetchLike,
  errors: Middleware,
  log?: ClientLog,
): () => Promise<IssuedToken> {
  const tokenClient = createClient<paths>({ baseUrl: credentials.baseUrl, fetch: send });
  tokenClient.use(errors);
  return async () => {
    const { data } = await tokenClient.POST('/token', {
      body: {
        grant_type: 'client_credentials',
        client_id: credentials.clientId,
        client_secret: credentials.clientSecret,
        ...(credentials.tokenTtlSeconds !== undefined && { ttl: credentials.tokenTtlSeconds }),
      },
    });
    if (typeof data?.access_token !== 'string' || typeof data.expires_in !== 'number') {
      throw new Error('getAppToken answered 2xx without access_token and expires_in');
    }
    log?.({ type: 'token-fetched', expiresInSeconds: data.expires_in });
    return { accessToken: data.access_token, expiresInSeconds: data.expires_in };
  };
}
