// Users of an app. The unique index on (app_id, username_key) — the lower-cased username — makes
// check-and-insert one atomic step: a name taken in any letter case cannot be inserted twice.
import type { DatabaseSync } from 'node:sqlite';
import { arrayRows } from './array-rows.ts';

export interface UserRecord {
  seq: number;
  appId: number;
  uuid: string;
  username: string;
  passwordHash: string;
  nickname: string | undefined;
  activated: boolean;
  online: boolean;
  created: number;
  modified: number;
}

/** The columns every statement that answers users selects, in the order of UserRow (rows come as
 * arrays: array-rows.ts). */
const USER_COLUMNS = 'seq, app_id, uuid, username, password_hash, nickname, activated, online, created, modified';

/** seq, app_id, uuid, username, password_hash, nickname, activated, online, created, modified */
type UserRow = [number, number, string, string, string, string | null, number, number, number, number];

export interface NewUser {
  uuid: string;
  username: string;
  passwordHash: string;
  nickname: string | undefined;
  now: number;
}

function toRecord(row: UserRow): UserRecord {
  return {
    seq: row[0],
    appId: row[1],
    uuid: row[2],
    username: row[3],
    passwordHash: row[4],
    nickname: row[5] ?? undefined,
    activated: row[6] === 1,
    online: row[7] === 1,
    created: row[8],
    modified: row[9],
  };
}

/** The key every lookup uses: usernames are ASCII, so lower-casing is exact. */
export function usernameKey(username: string): string {
  return username.toLowerCase();
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && /UNIQUE constraint failed/.test(error.message);
}

export function createUsersStore(db: DatabaseSync) {
  const insert = arrayRows(
    db.prepare(
      `INSERT INTO users (app_id, uuid, username, username_key, password_hash, nickname, created, modified)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${USER_COLUMNS}`,
    ),
  );
  const byName = arrayRows(db.prepare(`SELECT ${USER_COLUMNS} FROM users WHERE app_id = ? AND username_key = ?`));
  const pageAfter = arrayRows(db.prepare(`SELECT ${USER_COLUMNS} FROM users WHERE app_id = ? AND seq > ? ORDER BY seq LIMIT ?`));
  const anyAfter = db.prepare('SELECT 1 AS found FROM users WHERE app_id = ? AND seq > ? LIMIT 1');
  const remove = db.prepare('DELETE FROM users WHERE seq = ?');
  const setPassword = db.prepare('UPDATE users SET password_hash = ?, modified = ? WHERE seq = ?');
  const setNickname = db.prepare('UPDATE users SET nickname = ?, modified = ? WHERE seq = ?');
  const setActivated = db.prepare('UPDATE users SET activated = ?, online = CASE WHEN ? = 0 THEN 0 ELSE online END, modified = ? WHERE seq = ?');
  const setOnline = db.prepare('UPDATE users SET online = ? WHERE seq = ?');
  const bySeq = arrayRows(db.prepare(`SELECT ${USER_COLUMNS} FROM users WHERE seq = ?`));

  return {
    /** Inserts the user, or answers 'duplicate' when the name exists in any letter case. */
    insert(appId: number, user: NewUser): UserRecord | 'duplicate' {
      try {
        const row = insert.get(
          appId,
          user.uuid,
          user.username,
          usernameKey(user.username),
          user.passwordHash,
          user.nickname ?? null,
          user.now,
          user.now,
        ) as unknown as UserRow;
        return toRecord(row);
      } catch (error) {
        if (isUniqueViolation(error)) return 'duplicate';
        throw error;
      }
    },
    find(appId: number, username: string): UserRecord | undefined {
      const row = byName.get(appId, usernameKey(username)) as UserRow | undefined;
      return row && toRecord(row);
    },
    get(seq: number): UserRecord | undefined {
      const row = bySeq.get(seq) as UserRow | undefined;
      return row && toRecord(row);
    },
    /** Users created after `afterSeq`, oldest first. */
    page(appId: number, afterSeq: number, limit: number): UserRecord[] {
      return (pageAfter.all(appId, afterSeq, limit) as unknown as UserRow[]).map(toRecord);
    },
    hasAfter(appId: number, seq: number): boolean {
      return anyAfter.get(appId, seq) !== undefined;
    },
    delete(seq: number): void {
      remove.run(seq);
    },
    /** Answers whether the user still existed (a hash is computed off the event loop, and the
     * user may be deleted meanwhile). */
    setPassword(seq: number, passwordHash: string, now: number): boolean {
      return Number(setPassword.run(passwordHash, now, seq).changes) > 0;
    },
    setNickname(seq: number, nickname: string, now: number): void {
      setNickname.run(nickname, now, seq);
    },
    /** Deactivating also takes the user offline. */
    setActivated(seq: number, activated: boolean, now: number): void {
      const flag = activated ? 1 : 0;
      setActivated.run(flag, flag, now, seq);
    },
    setOnline(seq: number, online: boolean): void {
      setOnline.run(online ? 1 : 0, seq);
    },
  };
}

export type UsersStore = ReturnType<typeof createUsersStore>;
