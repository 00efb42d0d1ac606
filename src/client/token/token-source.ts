import type { TokenCache } from './token-cache.ts';

/** A caller-managed token: a fixed string, or a function asked before every request. */
export type TokenProvider = () => string | Promise<string>;

/** Where the auth layer gets the bearer token, and what it may do after a 401. */
export interface TokenSource {
  current(): string | Promise<string>;
  /** A different token to retry with after `rejected` got a 401, or undefined to give up. */
  renew(rejected: string): Promise<string | undefined>;
}

export function fromTokenCache(cache: TokenCache): TokenSource {
  return {
    current: () => cache.get(),
    async renew(rejected) {
      cache.invalidate(rejected);
      const fresh = await cache.get();
      return fresh === rejected ? undefined : fresh;
    },
  };
}

export function fromStaticToken(token: string): TokenSource {
  return { current: () => token, renew: async () => undefined };
}

export function fromTokenProvider(provider: TokenProvider): TokenSource {
  return {
    current: provider,
    async renew(rejected) {
      const fresh = await provider();
      return fresh === rejected ? undefined : fresh;
    },
  };
}
