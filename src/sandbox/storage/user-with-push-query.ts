// getUser's read, when its entity is not in memory (user-entity-cache.ts): what the entity shows
// of a user, found by name, with its push settings, in one statement (a LEFT JOIN) rather than a
// user lookup then a settings lookup, and without the columns the answer does not show (the
// password hash above all).
import type { DatabaseSync } from 'node:sqlite';
import { arrayRows } from './array-rows.ts';
import type { UserView } from '../user-entity.ts';
import { PUSH_SETTINGS_COLUMNS, toPushSettings, type PushSettings, type PushSettingsRow } from './push-settings-store.ts';
import { usernameKey } from './users-store.ts';

const prefixed = (columns: string, table: string) =>
  columns
    .split(',')
    .map((column) => `${table}.${column.trim()}`)
    .join(', ');

/** uuid, username, nickname, activated, created, modified, then the settings columns. */
type Row = [string, string, string | null, number, number, number, ...PushSettingsRow];

export function createUserWithPushQuery(db: DatabaseSync) {
  const byName = arrayRows(db.prepare(
    `SELECT u.uuid, u.username, u.nickname, u.activated, u.created, u.modified, ${prefixed(PUSH_SETTINGS_COLUMNS, 'p')}
     FROM users u LEFT JOIN push_settings p ON p.user_seq = u.seq
     WHERE u.app_id = ? AND u.username_key = ?`,
  ));

  return {
    find(appId: number, username: string): { user: UserView; push: PushSettings } | undefined {
      const row = byName.get(appId, usernameKey(username)) as unknown as Row | undefined;
      if (!row) return undefined;
      const user: UserView = { uuid: row[0], username: row[1], nickname: row[2] ?? undefined, activated: row[3] === 1, created: row[4], modified: row[5] };
      return { user, push: toPushSettings(...(row.slice(6) as PushSettingsRow)) };
    },
  };
}

export type UserWithPushQuery = ReturnType<typeof createUserWithPushQuery>;
