// Opens the SQLite database (node:sqlite) and creates the tables. In memory by default; with a
// file, WAL journaling and synchronous=FULL: a transaction is on disk before its answer is sent,
// so a write acknowledged to a client survives the process being killed.
import { DatabaseSync } from 'node:sqlite';

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

export function openDatabase(path = ':memory:'): DatabaseSync {
  const db = new DatabaseSync(path);
  if (path !== ':memory:') {
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = FULL');
    db.exec('PRAGMA busy_timeout = 5000');
  }
  db.exec('PRAGMA foreign_keys = ON');
  db.exec(SCHEMA);
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
