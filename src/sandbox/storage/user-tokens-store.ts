// User tokens (POST /token with grant_type password or inherit), stored like app tokens: only
// their SHA-256 digest. A token belongs to one user; deleting the user deletes its tokens, and a
// password reset or deactivation revokes them. The table lives here, not in database.ts, because
// only this store reads it.
import type { DatabaseSync } from 'node:sqlite';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS user_tokens (
  digest TEXT PRIMARY KEY,
  app_id INTEGER NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
  user_seq INTEGER NOT NULL REFERENCES users(seq) ON DELETE CASCADE,
  expires_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS user_tokens_by_user ON user_tokens (user_seq);
`;

export interface UserTokenRecord {
  appId: number;
  userSeq: number;
  expiresAt: number;
}

export function createUserTokensStore(db: DatabaseSync) {
  db.exec(SCHEMA);
  const insert = db.prepare('INSERT INTO user_tokens (digest, app_id, user_seq, expires_at) VALUES (?, ?, ?, ?)');
  const find = db.prepare('SELECT app_id, user_seq, expires_at FROM user_tokens WHERE digest = ?');
  const revoke = db.prepare('DELETE FROM user_tokens WHERE user_seq = ?');

  return {
    insert(digest: string, appId: number, userSeq: number, expiresAt: number): void {
      insert.run(digest, appId, userSeq, expiresAt);
    },
    find(digest: string): UserTokenRecord | undefined {
      const row = find.get(digest) as { app_id: number; user_seq: number; expires_at: number } | undefined;
      return row && { appId: row.app_id, userSeq: row.user_seq, expiresAt: row.expires_at };
    },
    /** Revokes every token of the user (password reset, deactivation). */
    revokeAll(userSeq: number): void {
      revoke.run(userSeq);
    },
  };
}

export type UserTokensStore = ReturnType<typeof createUserTokensStore>;
