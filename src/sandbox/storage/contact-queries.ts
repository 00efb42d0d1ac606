// What the later docs added to contacts: remarks (user_friend_remark_set.md), one page at a
// time newest first (user_friend_list_paged.md), checks (user_friend_check.md) and counts for
// the import's limit. A remark lives as long as its contact: a trigger drops it with the
// contact, so removeContact needs no change.
import type { DatabaseSync } from 'node:sqlite';
import type { RelationPosition } from './block-queries.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS contact_remarks (
  user_seq INTEGER NOT NULL REFERENCES users(seq) ON DELETE CASCADE,
  friend_seq INTEGER NOT NULL REFERENCES users(seq) ON DELETE CASCADE,
  remark TEXT NOT NULL,
  PRIMARY KEY (user_seq, friend_seq)
);
CREATE TRIGGER IF NOT EXISTS contact_remarks_follow_contacts AFTER DELETE ON contacts
  BEGIN DELETE FROM contact_remarks WHERE user_seq = OLD.user_seq AND friend_seq = OLD.friend_seq; END;
`;

export interface ContactPageRow extends RelationPosition {
  username: string;
  remark: string | null;
}

export function createContactQueries(db: DatabaseSync) {
  db.exec(SCHEMA);
  const select =
    'SELECT u.username, c.created, c.friend_seq AS seq, r.remark FROM contacts c JOIN users u ON u.seq = c.friend_seq ' +
    'LEFT JOIN contact_remarks r ON r.user_seq = c.user_seq AND r.friend_seq = c.friend_seq WHERE c.user_seq = ?';
  const first = db.prepare(`${select} ORDER BY c.created DESC, c.friend_seq DESC LIMIT ?`);
  const after = db.prepare(
    `${select} AND (c.created < ? OR (c.created = ? AND c.friend_seq < ?)) ORDER BY c.created DESC, c.friend_seq DESC LIMIT ?`,
  );
  // The order of relations-store's contacts(), which answers listContacts without remarks.
  const all = db.prepare(`${select} ORDER BY c.created, u.seq`);
  const isContact = db.prepare('SELECT 1 FROM contacts WHERE user_seq = ? AND friend_seq = ?');
  const count = db.prepare('SELECT COUNT(*) AS n FROM contacts WHERE user_seq = ?');
  const setRemark = db.prepare(
    'INSERT INTO contact_remarks (user_seq, friend_seq, remark) VALUES (?, ?, ?) ON CONFLICT (user_seq, friend_seq) DO UPDATE SET remark = excluded.remark',
  );

  return {
    page(userSeq: number, from: RelationPosition | undefined, limit: number): ContactPageRow[] {
      const rows = from ? after.all(userSeq, from.created, from.created, from.seq, limit) : first.all(userSeq, limit);
      return rows as unknown as ContactPageRow[];
    },
    /** Every contact with its remark (null when none), oldest first. */
    all(userSeq: number): ContactPageRow[] {
      return all.all(userSeq) as unknown as ContactPageRow[];
    },
    isContact(userSeq: number, friendSeq: number): boolean {
      return isContact.get(userSeq, friendSeq) !== undefined;
    },
    count(userSeq: number): number {
      return Number((count.get(userSeq) as { n: number }).n);
    },
    setRemark(userSeq: number, friendSeq: number, remark: string): void {
      setRemark.run(userSeq, friendSeq, remark);
    },
  };
}

export type ContactQueries = ReturnType<typeof createContactQueries>;
