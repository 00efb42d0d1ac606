// App tokens, stored only as SHA-256 digests: the database never holds a usable token. Expired
// tokens are kept, so that they answer `expired_token` rather than `auth_bad_access_token`.
import type { DatabaseSync } from 'node:sqlite';

export interface TokenRecord {
  appId: number;
  expiresAt: number;
}

export function createTokensStore(db: DatabaseSync) {
  const insert = db.prepare('INSERT INTO tokens (digest, app_id, expires_at) VALUES (?, ?, ?)');
  const find = db.prepare('SELECT app_id, expires_at FROM tokens WHERE digest = ?');

  return {
    insert(digest: string, appId: number, expiresAt: number): void {
      insert.run(digest, appId, expiresAt);
    },
    find(digest: string): TokenRecord | undefined {
      const row = find.get(digest) as { app_id: number; expires_at: number } | undefined;
      return row && { appId: row.app_id, expiresAt: row.expires_at };
    },
  };
}

export type TokensStore = ReturnType<typeof createTokensStore>;
