// Contacts (mutual: adding or removing one side does both) and block lists (one-way).
import type { DatabaseSync } from 'node:sqlite';

export function createRelationsStore(db: DatabaseSync) {
  const addContact = db.prepare('INSERT OR IGNORE INTO contacts (user_seq, friend_seq, created) VALUES (?, ?, ?)');
  const removeContact = db.prepare('DELETE FROM contacts WHERE user_seq = ? AND friend_seq = ?');
  const listContacts = db.prepare(
    'SELECT u.username FROM contacts c JOIN users u ON u.seq = c.friend_seq WHERE c.user_seq = ? ORDER BY c.created, u.seq',
  );
  const addBlock = db.prepare('INSERT OR IGNORE INTO blocks (user_seq, blocked_seq, created) VALUES (?, ?, ?)');
  const removeBlock = db.prepare('DELETE FROM blocks WHERE user_seq = ? AND blocked_seq = ?');
  const listBlocks = db.prepare(
    'SELECT u.username FROM blocks b JOIN users u ON u.seq = b.blocked_seq WHERE b.user_seq = ? ORDER BY b.created, u.seq',
  );

  const names = (rows: unknown[]) => (rows as Array<{ username: string }>).map((row) => row.username);

  return {
    addContact(userSeq: number, friendSeq: number, now: number): void {
      addContact.run(userSeq, friendSeq, now);
      addContact.run(friendSeq, userSeq, now);
    },
    /** Answers whether there was a contact relation to remove. */
    removeContact(userSeq: number, friendSeq: number): boolean {
      const removed = Number(removeContact.run(userSeq, friendSeq).changes);
      removeContact.run(friendSeq, userSeq);
      return removed > 0;
    },
    contacts(userSeq: number): string[] {
      return names(listContacts.all(userSeq));
    },
    addBlock(userSeq: number, blockedSeq: number, now: number): void {
      addBlock.run(userSeq, blockedSeq, now);
    },
    removeBlock(userSeq: number, blockedSeq: number): boolean {
      return Number(removeBlock.run(userSeq, blockedSeq).changes) > 0;
    },
    blocks(userSeq: number): string[] {
      return names(listBlocks.all(userSeq));
    },
  };
}

export type RelationsStore = ReturnType<typeof createRelationsStore>;
