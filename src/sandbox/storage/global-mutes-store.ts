// Global mutes (user_global_mute_set.md): per user and kind (chat, groupchat, chatroom), the
// moment the mute ends on the sandbox clock, or -1 for ever. A mute past its end is gone: reads
// ignore it, and writes clear it. Whether the app has the feature on is kept here too (the
// console's switch; the control API turns it off and on, on by default).
import type { DatabaseSync } from 'node:sqlite';

export const MUTE_KINDS = ['chat', 'groupchat', 'chatroom'] as const;
export type MuteKind = (typeof MUTE_KINDS)[number];

const FOREVER = -1;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS global_mutes (
  user_seq INTEGER NOT NULL REFERENCES users(seq) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  until INTEGER NOT NULL,
  PRIMARY KEY (user_seq, kind)
);
CREATE TABLE IF NOT EXISTS global_mute_off (
  app_id INTEGER PRIMARY KEY REFERENCES apps(id) ON DELETE CASCADE
);
`;

export interface MuteEntry {
  username: string;
  kind: MuteKind;
  /** Seconds left, or -1 for ever. */
  seconds: number;
}

/** Seconds left of a mute ending at `until` (ms), rounded up; -1 for ever; 0 once over. */
export function secondsLeft(until: number, now: number): number {
  if (until === FOREVER) return FOREVER;
  return Math.max(0, Math.ceil((until - now) / 1000));
}

export function createGlobalMutesStore(db: DatabaseSync) {
  db.exec(SCHEMA);
  const upsert = db.prepare(
    'INSERT INTO global_mutes (user_seq, kind, until) VALUES (?, ?, ?) ON CONFLICT (user_seq, kind) DO UPDATE SET until = excluded.until',
  );
  const lift = db.prepare('DELETE FROM global_mutes WHERE user_seq = ? AND kind = ?');
  const ofUser = db.prepare('SELECT kind, until FROM global_mutes WHERE user_seq = ?');
  const inForce = db.prepare(
    'SELECT u.username, m.kind, m.until FROM global_mutes m JOIN users u ON u.seq = m.user_seq ' +
      'WHERE u.app_id = ? AND (m.until = -1 OR m.until > ?) ORDER BY u.seq, m.kind LIMIT ? OFFSET ?',
  );
  const isOff = db.prepare('SELECT 1 FROM global_mute_off WHERE app_id = ?');
  const turnOff = db.prepare('INSERT OR IGNORE INTO global_mute_off (app_id) VALUES (?)');
  const turnOn = db.prepare('DELETE FROM global_mute_off WHERE app_id = ?');

  return {
    /** `seconds`: > 0 for that long from `now`, 0 lifts, -1 for ever. */
    set(userSeq: number, kind: MuteKind, seconds: number, now: number): void {
      if (seconds === 0) lift.run(userSeq, kind);
      else upsert.run(userSeq, kind, seconds === FOREVER ? FOREVER : now + seconds * 1000);
    },
    /** Seconds left per kind (0 when not muted). */
    of(userSeq: number, now: number): Record<MuteKind, number> {
      const left: Record<MuteKind, number> = { chat: 0, groupchat: 0, chatroom: 0 };
      for (const row of ofUser.all(userSeq) as Array<{ kind: MuteKind; until: number }>) left[row.kind] = secondsLeft(row.until, now);
      return left;
    },
    page(appId: number, now: number, offset: number, limit: number): MuteEntry[] {
      const rows = inForce.all(appId, now, limit, offset) as Array<{ username: string; kind: MuteKind; until: number }>;
      return rows.map((row) => ({ username: row.username, kind: row.kind, seconds: secondsLeft(row.until, now) }));
    },
    enabled(appId: number): boolean {
      return isOff.get(appId) === undefined;
    },
    setEnabled(appId: number, enabled: boolean): void {
      if (enabled) turnOn.run(appId);
      else turnOff.run(appId);
    },
  };
}

export type GlobalMutesStore = ReturnType<typeof createGlobalMutesStore>;
