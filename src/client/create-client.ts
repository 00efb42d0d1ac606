import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '../../generated/schema.js';
import { createAppTokenFetcher } from './app-token.ts';
import { createAuthFetch } from './auth-fetch.ts';
import { createErrorsMiddleware } from './errors-middleware.ts';
import { createSecretRegistry } from './redactor.ts';
import { createSendPipeline, type SendPipelineOptions } from './send-pipeline.ts';
import { createTokenCache } from './token-cache.ts';
import { fromStaticToken, fromTokenCache, fromTokenProvider, type TokenProvider } from './token-source.ts';

/** The openapi-fetch client, typed by the description: `client.GET('/users/{username}', ...)`. */
export type EasemobClient = Client<paths>;

export interface EasemobClientOptions extends SendPipelineOptions {
  /** One app's base URL: `https://a1.easemob.com/{org_name}/{app_name}`. */
  baseUrl: string;
  /** The app's client credentials; the client fetches and caches the app token with them. */
  clientId?: string;
  clientSecret?: string;
  /** Asked for in the token request (seconds); without it the service's default lifetime applies. */
  tokenTtlSeconds?: number;
  /** A token managed elsewhere, instead of client credentials: a string, or a function asked per request. */
  token?: string | TokenProvider;
}

/**
 * Creates the typed Easemob client. Cross-cutting behaviour, outermost first: auth (token, one
 * renewal on 401) → throttle → retry (re-sends throttled too) → per-attempt timeout → fetch;
 * then the errors middleware turns a final non-2xx into a thrown EasemobError. Whatever may
 * re-send is a fetch layer, not middleware: openapi-fetch middleware cannot re-send.
 */
export function createEasemobClient(options: EasemobClientOptions): EasemobClient {
  const secrets = createSecretRegistry();
  const errors = createErrorsMiddleware(secrets.redact);
  const send = createSendPipeline(options);

  let tokens;
  if (typeof options.token === 'string') tokens = fromStaticToken(options.token);
  else if (options.token) tokens = fromTokenProvider(options.token);
  else if (options.clientId && options.clientSecret) {
    secrets.add(options.clientSecret);
    const credentials = { ...options, clientId: options.clientId, clientSecret: options.clientSecret };
    tokens = fromTokenCache(createTokenCache(createAppTokenFetcher(credentials, send, errors, options.log)));
  } else {
    throw new TypeError('createEasemobClient needs clientId and clientSecret, or token');
  }

  const client = createClient<paths>({
    baseUrl: options.baseUrl,
    fetch: createAuthFetch(send, tokens, secrets.add, options.log),
  });
  client.use(errors);
  return client;
}
