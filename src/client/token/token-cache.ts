export interface IssuedToken {
  accessToken: string;
  /** As the service sends it: SECONDS (the official SDKs' bug was adding this to milliseconds). */
  expiresInSeconds: number;
}

export interface TokenCache {
  /** The cached token, or the one being fetched; a string (no promise) when cached. */
  get(): string | Promise<string>;
  /** Drops `token` if it is still the cached one; a newer token is kept. */
  invalidate(token: string): void;
}

/** Refresh this long before expiry: a tenth of the lifetime, at most five minutes. */
const MAX_REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * Holds the app token until shortly before it expires. Easemob blocks accounts that request
 * tokens too often, so concurrent callers share one in-flight request, and a failed request is
 * not cached (the next call tries again).
 */
export function createTokenCache(fetchToken: () => Promise<IssuedToken>, now: () => number = Date.now): TokenCache {
  let cached: { token: string; refreshAt: number } | undefined;
  let inFlight: Promise<string> | undefined;

  function fetchOnce(): Promise<string> {
    // Measured from the moment we ask, so the network time only makes us refresh earlier.
    const requestedAt = now();
    inFlight = fetchToken()
      .then(({ accessToken, expiresInSeconds }) => {
        const lifetimeMs = expiresInSeconds * 1000;
        const margin = Math.min(MAX_REFRESH_MARGIN_MS, lifetimeMs / 10);
        cached = { token: accessToken, refreshAt: requestedAt + lifetimeMs - margin };
        return accessToken;
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  }

  return {
    get() {
      if (cached && now() < cached.refreshAt) return cached.token;
      return inFlight ?? fetchOnce();
    },
    invalidate(token) {
      if (cached?.token === token) cached = undefined;
    },
  };
}
