// App tokens, stored only as SHA-256 digests: the database never holds a usable token. Expired
// tokens are kept for a week, so that they answer `expired_token` rather than
// `auth_bad_access_token`; then pruned (issue 10: tokens were never pruned, +13–18 MB per 20–50
// thousand). An app keeps at most its newest MAX_TOKENS_PER_APP tokens: a test suite that asks for
// a token per test would otherwise grow the table for 60 days, the default lifetime.
import type { DatabaseSync } from 'node:sqlite';

export interface TokenRecord {
  appId: number;
  expiresAt: number;
}

export const EXPIRED_TOKEN_GRACE_MS = 7 * 86_400_000;
export const MAX_TOKENS_PER_APP = 10_000;
/** Pruning runs once every this many tokens issued. */
const PRUNE_EVERY = 256;

export function createTokensStore(db: DatabaseSync, now: () => number = Date.now) {
  const insert = db.prepare('INSERT INTO tokens (digest, app_id, expires_at) VALUES (?, ?, ?)');
  const find = db.prepare('SELECT app_id, expires_at FROM tokens WHERE digest = ?');
  const pruneExpired = db.prepare('DELETE FROM tokens WHERE expires_at < ?');
  const pruneOldest = db.prepare(
    `DELETE FROM tokens WHERE app_id = ? AND rowid <= (SELECT rowid FROM tokens WHERE app_id = ? ORDER BY rowid DESC LIMIT 1 OFFSET ?)`,
  );
  let issued = 0;
  // Every API request looks its token up: known tokens are kept in memory too (a token never
  // changes; pruning drops them all).
  const cache = new Map<string, TokenRecord>();

  return {
    insert(digest: string, appId: number, expiresAt: number): void {
      insert.run(digest, appId, expiresAt);
      if (++issued % PRUNE_EVERY === 0) this.prune(appId);
    },
    /** Drops tokens a week past expiry, and an app's tokens beyond its newest MAX_TOKENS_PER_APP. */
    prune(appId: number): void {
      pruneExpired.run(now() - EXPIRED_TOKEN_GRACE_MS);
      pruneOldest.run(appId, appId, MAX_TOKENS_PER_APP);
      cache.clear();
    },
    count(): number {
      return Number((db.prepare('SELECT COUNT(*) AS n FROM tokens').get() as { n: number }).n);
    },
    find(digest: string): TokenRecord | undefined {
      const cached = cache.get(digest);
      if (cached) return cached;
      const row = find.get(digest) as { app_id: number; expires_at: number } | undefined;
      if (!row) return undefined;
      const record = { appId: row.app_id, expiresAt: row.expires_at };
      if (cache.size >= MAX_TOKENS_PER_APP) cache.clear();
      cache.set(digest, record);
      return record;
    },
  };
}

export type TokensStore = ReturnType<typeof createTokensStore>;
