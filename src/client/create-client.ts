import createClient from 'openapi-fetch';
import type { paths } from '../../generated/schema.js';
import { settleCalls, type EasemobClient } from './easemob-client.ts';
import { createSecretRegistry } from './errors/redactor.ts';
import { createCallRunner, type CallRunnerOptions } from './pipeline/call-runner.ts';
import { DEFAULT_RETRY } from './pipeline/retry.ts';
import { createSendPipeline, type SendPipelineOptions } from './pipeline/send-pipeline.ts';
import { createAppTokenFetcher } from './token/app-token.ts';
import { createTokenCache } from './token/token-cache.ts';
import { fromStaticToken, fromTokenCache, fromTokenProvider, type TokenProvider } from './token/token-source.ts';

export interface EasemobClientOptions extends SendPipelineOptions {
  /** One app's base URL: `https://a1.easemob.com/{org_name}/{app_name}`. */
  baseUrl: string;
  /** The app's client credentials; the client fetches and caches the app token with them. */
  clientId?: string | undefined;
  clientSecret?: string | undefined;
  /** Asked for in the token request (seconds); without it the service's default lifetime applies. */
  tokenTtlSeconds?: number | undefined;
  /** A token managed elsewhere, instead of client credentials: a string, or a function asked per request. */
  token?: string | TokenProvider | undefined;
}

/**
 * Creates the typed Easemob client. A call goes, outermost first: auth (the token; one renewal
 * and re-send on 401) → retry → rate limiter → timeout → fetch; then it settles: data, or an
 * EasemobError. Auth and retries run the whole openapi-fetch call again (call-runner.ts), not
 * middleware: openapi-fetch middleware cannot re-send (its issue #2075).
 */
export function createEasemobClient(options: EasemobClientOptions): EasemobClient {
  const secrets = createSecretRegistry();
  const pipeline = createSendPipeline(options.baseUrl, options);
  const runner: CallRunnerOptions = {
    pipeline,
    retry: options.retry === false ? { ...DEFAULT_RETRY, maxAttempts: 1 } : { ...DEFAULT_RETRY, ...options.retry },
    log: options.log,
    random: options.random,
  };

  let tokens;
  if (typeof options.token === 'string') tokens = fromStaticToken(options.token);
  else if (options.token) tokens = fromTokenProvider(options.token);
  else if (options.clientId && options.clientSecret) {
    secrets.add(options.clientSecret);
    const credentials = { ...options, clientId: options.clientId, clientSecret: options.clientSecret };
    tokens = fromTokenCache(createTokenCache(createAppTokenFetcher(credentials, createCallRunner(runner), secrets, options.log)));
  } else {
    throw new TypeError('createEasemobClient needs clientId and clientSecret, or token');
  }

  const authorized = createCallRunner({ ...runner, tokens, onToken: secrets.add });
  return settleCalls(createClient<paths>({ baseUrl: options.baseUrl }), authorized, secrets);
}
