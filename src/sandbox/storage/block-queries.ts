// Reads of block lists the later docs added: one page at a time, newest first
// (user_friend_blocklist_obtain.md), and which of some users are on a list (blocks/check).
// Keyset pages on (created, blocked_seq), so a page boundary survives blocks added and removed.
import type { DatabaseSync } from 'node:sqlite';

export interface RelationPosition {
  created: number;
  seq: number;
}

export interface BlockPageRow extends RelationPosition {
  username: string;
}

export function createBlockQueries(db: DatabaseSync) {
  const first = db.prepare(
    'SELECT u.username, b.created, b.blocked_seq AS seq FROM blocks b JOIN users u ON u.seq = b.blocked_seq ' +
      'WHERE b.user_seq = ? ORDER BY b.created DESC, b.blocked_seq DESC LIMIT ?',
  );
  const after = db.prepare(
    'SELECT u.username, b.created, b.blocked_seq AS seq FROM blocks b JOIN users u ON u.seq = b.blocked_seq ' +
      'WHERE b.user_seq = ? AND (b.created < ? OR (b.created = ? AND b.blocked_seq < ?)) ' +
      'ORDER BY b.created DESC, b.blocked_seq DESC LIMIT ?',
  );
  const isBlocked = db.prepare('SELECT 1 FROM blocks WHERE user_seq = ? AND blocked_seq = ?');

  return {
    /** Up to `limit` rows of the list, newest first, after `from` when given. */
    page(userSeq: number, from: RelationPosition | undefined, limit: number): BlockPageRow[] {
      const rows = from ? after.all(userSeq, from.created, from.created, from.seq, limit) : first.all(userSeq, limit);
      return rows as unknown as BlockPageRow[];
    },
    isBlocked(userSeq: number, blockedSeq: number): boolean {
      return isBlocked.get(userSeq, blockedSeq) !== undefined;
    },
  };
}

export type BlockQueries = ReturnType<typeof createBlockQueries>;
