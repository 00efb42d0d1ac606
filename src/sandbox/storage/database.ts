// Opens the SQLite database (node:sqlite) and creates the tables. In memory by default; with a
// file, WAL journaling and synchronous=FULL: a transaction is on disk before its answer is sent,
// so a write acknowledged to a client survives the process being killed.
//
// A file is checked before use (issue 10): an existing file must be a sandbox database (marked by
// its application_id) that passes SQLite's own quick_check; anything else, a 0-byte file
// included, is refused and left as it is. A new file is created 0600 (SQLite gives its WAL and
// shared-memory files the same mode): it holds the apps' client credentials.
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';

/** PRAGMA application_id of a sandbox database: "EmSb". */
export const SANDBOX_APPLICATION_ID = 0x456d5362;
const SQLITE_HEADER = 'SQLite format 3\0';

export class SandboxStorageError extends Error {}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS apps (
  id INTEGER PRIMARY KEY,
  org TEXT NOT NULL,
  name TEXT NOT NULL,
  uuid TEXT NOT NULL,
  client_id TEXT NOT NULL,
  client_secret TEXT NOT NULL,
  open_registration INTEGER NOT NULL DEFAULT 0,
  UNIQUE (org, name)
);
CREATE TABLE IF NOT EXISTS users (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  app_id INTEGER NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
  uuid TEXT NOT NULL,
  username TEXT NOT NULL,
  username_key TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  nickname TEXT,
  activated INTEGER NOT NULL DEFAULT 1,
  online INTEGER NOT NULL DEFAULT 0,
  created INTEGER NOT NULL,
  modified INTEGER NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS users_by_name ON users (app_id, username_key);
CREATE INDEX IF NOT EXISTS users_by_app ON users (app_id, seq);
CREATE TABLE IF NOT EXISTS contacts (
  user_seq INTEGER NOT NULL REFERENCES users(seq) ON DELETE CASCADE,
  friend_seq INTEGER NOT NULL REFERENCES users(seq) ON DELETE CASCADE,
  created INTEGER NOT NULL,
  PRIMARY KEY (user_seq, friend_seq)
);
CREATE INDEX IF NOT EXISTS contacts_by_friend ON contacts (friend_seq);
CREATE TABLE IF NOT EXISTS blocks (
  user_seq INTEGER NOT NULL REFERENCES users(seq) ON DELETE CASCADE,
  blocked_seq INTEGER NOT NULL REFERENCES users(seq) ON DELETE CASCADE,
  created INTEGER NOT NULL,
  PRIMARY KEY (user_seq, blocked_seq)
);
CREATE INDEX IF NOT EXISTS blocks_by_blocked ON blocks (blocked_seq);
CREATE TABLE IF NOT EXISTS offline_messages (
  user_seq INTEGER NOT NULL REFERENCES users(seq) ON DELETE CASCADE,
  msg_id TEXT NOT NULL,
  delivered INTEGER NOT NULL DEFAULT 0,
  created INTEGER NOT NULL,
  PRIMARY KEY (user_seq, msg_id)
);
CREATE TABLE IF NOT EXISTS tokens (
  digest TEXT PRIMARY KEY,
  app_id INTEGER NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
  expires_at INTEGER NOT NULL
);
`;

function refuse(path: string, why: string): never {
  throw new SandboxStorageError(`${path} ${why}; refusing to use it (nothing was changed). Move it away, or give another --db file.`);
}

/** Refuses an existing file that is not an SQLite database at all, before SQLite touches it. */
function checkHeader(path: string): void {
  const stat = statSync(path);
  if (!stat.isFile()) refuse(path, 'is not a regular file');
  if (stat.size === 0) refuse(path, 'is empty (0 bytes), not a sandbox database');
  const header = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1') !== SQLITE_HEADER) refuse(path, 'is not an SQLite database');
}

/** SQLite's own check, and the mark (or, for files of earlier versions, the tables) of a sandbox. */
function checkExisting(db: DatabaseSync, path: string): void {
  const problems = (db.prepare('PRAGMA quick_check').all() as Array<{ quick_check: string }>).map((row) => row.quick_check);
  if (problems.length !== 1 || problems[0] !== 'ok') refuse(path, `is damaged (SQLite quick_check: ${problems[0] ?? 'no answer'})`);
  const { application_id: id } = db.prepare('PRAGMA application_id').get() as { application_id: number };
  if (id === SANDBOX_APPLICATION_ID) return;
  const tables = new Set((db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as Array<{ name: string }>).map((row) => row.name));
  const earlierSandbox = id === 0 && ['apps', 'users', 'tokens', 'contacts', 'blocks'].every((name) => tables.has(name));
  if (!earlierSandbox) refuse(path, 'is an SQLite database, but not a sandbox database');
}

function openFile(path: string): DatabaseSync {
  const existed = existsSync(path);
  if (existed) checkHeader(path);
  else closeSync(openSync(path, 'wx', 0o600));
  let db: DatabaseSync | undefined;
  try {
    db = new DatabaseSync(path);
    if (existed) checkExisting(db, path);
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = FULL');
    db.exec('PRAGMA busy_timeout = 5000');
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof SandboxStorageError) throw error;
    refuse(path, `cannot be opened as a database (${error instanceof Error ? error.message : 'unknown error'})`);
  }
}

export function openDatabase(path = ':memory:'): DatabaseSync {
  const db = path === ':memory:' ? new DatabaseSync(path) : openFile(path);
  db.exec('PRAGMA foreign_keys = ON');
  db.exec(SCHEMA);
  db.exec(`PRAGMA application_id = ${SANDBOX_APPLICATION_ID}`);
  return db;
}

/** Runs `work` in one transaction: all of it is stored, or none. */
export function inTransaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
