// User attributes (user_attribute_set.md): plain-text key/value pairs per user, kept with the
// user (deleted with it). Sizes are UTF-8 bytes of keys and values, the unit of the service's
// 2 KB-a-user limit and of GET /metadata/user/capacity.
import type { DatabaseSync } from 'node:sqlite';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS user_attributes (
  user_seq INTEGER NOT NULL REFERENCES users(seq) ON DELETE CASCADE,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (user_seq, key)
);
`;

export function attributesSize(attributes: Record<string, string>): number {
  let size = 0;
  for (const [key, value] of Object.entries(attributes)) size += Buffer.byteLength(key) + Buffer.byteLength(value);
  return size;
}

export function createAttributesStore(db: DatabaseSync) {
  db.exec(SCHEMA);
  const ofUser = db.prepare('SELECT key, value FROM user_attributes WHERE user_seq = ? ORDER BY key');
  const put = db.prepare(
    'INSERT INTO user_attributes (user_seq, key, value) VALUES (?, ?, ?) ON CONFLICT (user_seq, key) DO UPDATE SET value = excluded.value',
  );
  const clear = db.prepare('DELETE FROM user_attributes WHERE user_seq = ?');
  const appSize = db.prepare(
    'SELECT COALESCE(SUM(LENGTH(CAST(a.key AS BLOB)) + LENGTH(CAST(a.value AS BLOB))), 0) AS n FROM user_attributes a JOIN users u ON u.seq = a.user_seq WHERE u.app_id = ?',
  );

  return {
    of(userSeq: number): Record<string, string> {
      // Own properties for every name, `__proto__` too (parse-form.ts).
      return Object.fromEntries((ofUser.all(userSeq) as Array<{ key: string; value: string }>).map((row) => [row.key, row.value]));
    },
    set(userSeq: number, attributes: Record<string, string>): void {
      for (const [key, value] of Object.entries(attributes)) put.run(userSeq, key, value);
    },
    clear(userSeq: number): void {
      clear.run(userSeq);
    },
    appSize(appId: number): number {
      return Number((appSize.get(appId) as { n: number }).n);
    },
  };
}

export type AttributesStore = ReturnType<typeof createAttributesStore>;
