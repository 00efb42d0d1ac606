// A user's push settings (PUT /users/{username}): the notification display style and the
// legacy do-not-disturb fields. Kept apart from the users table: only the two operations that
// show them (updateUser, getUser) read it, and a user without settings has no row.
import type { DatabaseSync } from 'node:sqlite';
import { arrayRows } from './array-rows.ts';

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

/** The columns of a user's settings, in the order toPushSettings takes them. */
export const PUSH_SETTINGS_COLUMNS = 'display_style, no_disturbing, no_disturbing_start, no_disturbing_end';

type Nullable = number | null | undefined;

/** The settings that were set, from their columns (all null, or a missing row: none). */
export function toPushSettings(displayStyle: Nullable, noDisturbing: Nullable, start: Nullable, end: Nullable): PushSettings {
  const settings: PushSettings = {};
  if (displayStyle != null) settings.displayStyle = displayStyle === 1 ? 1 : 0;
  if (noDisturbing != null) settings.noDisturbing = noDisturbing === 1;
  if (start != null) settings.noDisturbingStart = start;
  if (end != null) settings.noDisturbingEnd = end;
  return settings;
}

export function createPushSettingsStore(db: DatabaseSync) {
  db.exec(SCHEMA);
  const get = arrayRows(db.prepare(`SELECT ${PUSH_SETTINGS_COLUMNS} FROM push_settings WHERE user_seq = ?`));
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
      const row = get.get(userSeq) as unknown as Nullable[] | undefined;
      return row ? toPushSettings(row[0], row[1], row[2], row[3]) : {};
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
