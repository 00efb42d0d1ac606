// Offline messages waiting for a user. The sandbox has no chat connections: the control API
// queues them, and a user coming online receives (marks delivered) everything waiting.
import type { DatabaseSync } from 'node:sqlite';

export type DeliveryState = 'delivered' | 'undelivered';

export function createMessagesStore(db: DatabaseSync) {
  const put = db.prepare(
    `INSERT INTO offline_messages (user_seq, msg_id, delivered, created) VALUES (?, ?, ?, ?)
     ON CONFLICT (user_seq, msg_id) DO UPDATE SET delivered = excluded.delivered`,
  );
  const countWaiting = db.prepare('SELECT COUNT(*) AS n FROM offline_messages WHERE user_seq = ? AND delivered = 0');
  const state = db.prepare('SELECT delivered FROM offline_messages WHERE user_seq = ? AND msg_id = ?');
  const deliverAll = db.prepare('UPDATE offline_messages SET delivered = 1 WHERE user_seq = ? AND delivered = 0');

  return {
    put(userSeq: number, msgId: string, delivered: boolean, now: number): void {
      put.run(userSeq, msgId, delivered ? 1 : 0, now);
    },
    waiting(userSeq: number): number {
      return Number((countWaiting.get(userSeq) as { n: number }).n);
    },
    /** undefined when the sandbox never saw the message. */
    state(userSeq: number, msgId: string): DeliveryState | undefined {
      const row = state.get(userSeq, msgId) as { delivered: number } | undefined;
      if (!row) return undefined;
      return row.delivered === 1 ? 'delivered' : 'undelivered';
    },
    deliverAll(userSeq: number): void {
      deliverAll.run(userSeq);
    },
  };
}

export type MessagesStore = ReturnType<typeof createMessagesStore>;
