// getUser's read: a user by name with its push settings, in one statement (a LEFT JOIN) rather
// than a user lookup then a settings lookup. GET /users/{username} is the call integration tests
// make most, and the one issue 10's performance goal measures.
import type { DatabaseSync } from 'node:sqlite';
import { PUSH_SETTINGS_COLUMNS, toPushSettings, type PushSettings } from './push-settings-store.ts';
import { toRecord, USER_COLUMN_COUNT, USER_COLUMNS, usernameKey, type UserRecord, type UserRow } from './users-store.ts';

const prefixed = (columns: string, table: string) =>
  columns
    .split(',')
    .map((column) => `${table}.${column.trim()}`)
    .join(', ');

export function createUserWithPushQuery(db: DatabaseSync) {
  const byName = db.prepare(
    `SELECT ${prefixed(USER_COLUMNS, 'u')}, ${prefixed(PUSH_SETTINGS_COLUMNS, 'p')}
     FROM users u LEFT JOIN push_settings p ON p.user_seq = u.seq
     WHERE u.app_id = ? AND u.username_key = ?`,
  );
  byName.setReturnArrays(true);

  return {
    find(appId: number, username: string): { user: UserRecord; push: PushSettings } | undefined {
      const row = byName.get(appId, usernameKey(username)) as unknown as Array<number | null> | undefined;
      if (!row) return undefined;
      const at = USER_COLUMN_COUNT; // the settings follow the user's columns
      return { user: toRecord(row as unknown as UserRow), push: toPushSettings(row[at], row[at + 1], row[at + 2], row[at + 3]) };
    },
  };
}

export type UserWithPushQuery = ReturnType<typeof createUserWithPushQuery>;
