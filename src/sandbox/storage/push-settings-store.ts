// A user's push settings (PUT /users/{username}): the notification display style, the legacy
// do-not-disturb fields, and the device's push binding (notifier_name, device_token: the web
// SDK's uploadPushToken). Kept apart from the users table: only the two operations that show
// them (updateUser, getUser) read it, and a user without settings has no row.
import type { DatabaseSync } from 'node:sqlite';
import { arrayRows } from './array-rows.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS push_settings (
  user_seq INTEGER PRIMARY KEY REFERENCES users(seq) ON DELETE CASCADE,
  display_style INTEGER,
  no_disturbing INTEGER,
  no_disturbing_start INTEGER,
  no_disturbing_end INTEGER,
  notifier_name TEXT,
  device_token TEXT
);
`;

/** Columns added since the table first shipped: a database file made before gets them on start. */
const ADDED_COLUMNS = ['notifier_name TEXT', 'device_token TEXT'];

export interface PushSettings {
  displayStyle?: 0 | 1;
  noDisturbing?: boolean;
  /** An hour, 0..24 (the SDKs send it as a string; it is answered as a number). */
  noDisturbingStart?: number;
  noDisturbingEnd?: number;
  /** The push binding; an empty string unbinds (the entity then leaves the field out). */
  notifierName?: string;
  deviceToken?: string;
}

/** The columns of a user's settings, in the order toPushSettings takes them. */
export const PUSH_SETTINGS_COLUMNS = 'display_style, no_disturbing, no_disturbing_start, no_disturbing_end, notifier_name, device_token';

type Nullable = number | null | undefined;
type NullableText = string | null | undefined;
/** A row of PUSH_SETTINGS_COLUMNS, as toPushSettings takes it (all null: a LEFT JOIN's missing row). */
export type PushSettingsRow = [Nullable, Nullable, Nullable, Nullable, NullableText, NullableText];

/** The settings that were set, from their columns (all null, or a missing row: none). */
export function toPushSettings(
  displayStyle: Nullable,
  noDisturbing: Nullable,
  start: Nullable,
  end: Nullable,
  notifierName: NullableText,
  deviceToken: NullableText,
): PushSettings {
  const settings: PushSettings = {};
  if (displayStyle != null) settings.displayStyle = displayStyle === 1 ? 1 : 0;
  if (noDisturbing != null) settings.noDisturbing = noDisturbing === 1;
  if (start != null) settings.noDisturbingStart = start;
  if (end != null) settings.noDisturbingEnd = end;
  if (notifierName != null) settings.notifierName = notifierName;
  if (deviceToken != null) settings.deviceToken = deviceToken;
  return settings;
}

export function createPushSettingsStore(db: DatabaseSync) {
  db.exec(SCHEMA);
  const present = new Set((db.prepare('PRAGMA table_info(push_settings)').all() as Array<{ name: string }>).map((column) => column.name));
  for (const column of ADDED_COLUMNS) {
    if (!present.has(column.split(' ')[0]!)) db.exec(`ALTER TABLE push_settings ADD COLUMN ${column}`);
  }
  const get = arrayRows(db.prepare(`SELECT ${PUSH_SETTINGS_COLUMNS} FROM push_settings WHERE user_seq = ?`));
  // A field left out of an update keeps its value (COALESCE with the stored one).
  const upsert = db.prepare(
    `INSERT INTO push_settings (user_seq, display_style, no_disturbing, no_disturbing_start, no_disturbing_end, notifier_name, device_token)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (user_seq) DO UPDATE SET
       display_style = COALESCE(excluded.display_style, display_style),
       no_disturbing = COALESCE(excluded.no_disturbing, no_disturbing),
       no_disturbing_start = COALESCE(excluded.no_disturbing_start, no_disturbing_start),
       no_disturbing_end = COALESCE(excluded.no_disturbing_end, no_disturbing_end),
       notifier_name = COALESCE(excluded.notifier_name, notifier_name),
       device_token = COALESCE(excluded.device_token, device_token)`,
  );

  return {
    get(userSeq: number): PushSettings {
      const row = get.get(userSeq) as unknown as PushSettingsRow | undefined;
      return row ? toPushSettings(...row) : {};
    },
    update(userSeq: number, changes: PushSettings): void {
      upsert.run(
        userSeq,
        changes.displayStyle ?? null,
        changes.noDisturbing === undefined ? null : changes.noDisturbing ? 1 : 0,
        changes.noDisturbingStart ?? null,
        changes.noDisturbingEnd ?? null,
        changes.notifierName ?? null,
        changes.deviceToken ?? null,
      );
    },
  };
}

export type PushSettingsStore = ReturnType<typeof createPushSettingsStore>;
