// A user's push settings (PUT /users/{username}): the notification display style and the
// legacy do-not-disturb fields. Kept apart from the users table: only the two operations that
// show them (updateUser, getUser) read it, and a user without settings has no row.
import type { DatabaseSync } from 'node:sqlite';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS push_settings (
  user_seq INTEGER PRIMARY KEY REFERENCES users(seq) ON DELETE CASCADE,
  display_style INTEGER,
  no_disturbing INTEGER,
  no_disturbing_start INTEGER,
  no_disturbing_end INTEGER
);
`;

export interface PushSettings {
  displayStyle?: 0 | 1;
  noDisturbing?: boolean;
  /** An hour, 0..24 (the SDKs send it as a string; it is answered as a number). */
  noDisturbingStart?: number;
  noDisturbingEnd?: number;
}

interface PushSettingsRow {
  display_style: number | null;
  no_disturbing: number | null;
  no_disturbing_start: number | null;
  no_disturbing_end: number | null;
}

export function createPushSettingsStore(db: DatabaseSync) {
  db.exec(SCHEMA);
  const get = db.prepare('SELECT display_style, no_disturbing, no_disturbing_start, no_disturbing_end FROM push_settings WHERE user_seq = ?');
  // A field left out of an update keeps its value (COALESCE with the stored one).
  const upsert = db.prepare(
    `INSERT INTO push_settings (user_seq, display_style, no_disturbing, no_disturbing_start, no_disturbing_end) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (user_seq) DO UPDATE SET
       display_style = COALESCE(excluded.display_style, display_style),
       no_disturbing = COALESCE(excluded.no_disturbing, no_disturbing),
       no_disturbing_start = COALESCE(excluded.no_disturbing_start, no_disturbing_start),
       no_disturbing_end = COALESCE(excluded.no_disturbing_end, no_disturbing_end)`,
  );

  return {
    get(userSeq: number): PushSettings {
      const row = get.get(userSeq) as PushSettingsRow | undefined;
      const settings: PushSettings = {};
      if (!row) return settings;
      if (row.display_style !== null) settings.displayStyle = row.display_style === 1 ? 1 : 0;
      if (row.no_disturbing !== null) settings.noDisturbing = row.no_disturbing === 1;
      if (row.no_disturbing_start !== null) settings.noDisturbingStart = row.no_disturbing_start;
      if (row.no_disturbing_end !== null) settings.noDisturbingEnd = row.no_disturbing_end;
      return settings;
    },
    update(userSeq: number, changes: PushSettings): void {
      upsert.run(
        userSeq,
        changes.displayStyle ?? null,
        changes.noDisturbing === undefined ? null : changes.noDisturbing ? 1 : 0,
        changes.noDisturbingStart ?? null,
        changes.noDisturbingEnd ?? null,
      );
    },
  };
}

export type PushSettingsStore = ReturnType<typeof createPushSettingsStore>;
