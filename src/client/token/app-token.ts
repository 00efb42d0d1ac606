import createClient from 'openapi-fetch';
import type { paths } from '../../../generated/schema.js';
import { settleCalls } from '../easemob-client.ts';
import type { SecretRegistry } from '../errors/redactor.ts';
import type { ClientLog } from '../pipeline/client-events.ts';
import type { CallRunner } from '../pipeline/call-runner.ts';
import type { IssuedToken } from './token-cache.ts';

export interface AppCredentials {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  tokenTtlSeconds?: number | undefined;
}

/**
 * Returns a function that calls getToken. It has its own openapi-fetch client, run over the same
 * sending pipeline (so token requests are rate-limited and retried) but sending no token,
 * and settles by the same contract (data, or an EasemobError with the secret redacted).
 */
export function createAppTokenFetcher(credentials: AppCredentials, runCall: CallRunner, secrets: SecretRegistry, log?: ClientLog): () => Promise<IssuedToken> {
  const tokenClient = settleCalls(createClient<paths>({ baseUrl: credentials.baseUrl }), runCall, secrets);
  return async () => {
    const { data } = await tokenClient.POST('/token', {
      body: {
        grant_type: 'client_credentials',
        client_id: credentials.clientId,
        client_secret: credentials.clientSecret,
        ...(credentials.tokenTtlSeconds !== undefined && { ttl: credentials.tokenTtlSeconds }),
      },
    });
    if (typeof data.access_token !== 'string' || typeof data.expires_in !== 'number') {
      throw new Error('getToken answered 2xx without access_token and expires_in');
    }
    log?.({ type: 'token-fetched', expiresInSeconds: data.expires_in });
    return { accessToken: data.access_token, expiresInSeconds: data.expires_in };
  };
}
