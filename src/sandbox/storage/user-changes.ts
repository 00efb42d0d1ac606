// Tells this process which users a write touched: whatever changes a row of `users` or of
// `push_settings` (an insert, an update, a delete, a cascade) calls back with the user's app id
// and username key. SQLite reports it (temporary triggers calling a function of this
// connection), so a cache of what users look like (user-entity-cache.ts) cannot miss a write
// path, including ones written later. The triggers are TEMP: they live in this connection only and
// never reach a database file. This process is the only writer of its database (apps-store.ts
// relies on the same).
import type { DatabaseSync } from 'node:sqlite';

export type UserChangeListener = (appId: number, usernameKey: string) => void;

const CALLBACK = 'sandbox_user_changed';

/** Per table and event: the rows whose (app_id, username_key) changed. */
const TRIGGERS = `
CREATE TEMP TRIGGER IF NOT EXISTS users_inserted AFTER INSERT ON users
  BEGIN SELECT ${CALLBACK}(NEW.app_id, NEW.username_key); END;
CREATE TEMP TRIGGER IF NOT EXISTS users_updated AFTER UPDATE ON users
  BEGIN SELECT ${CALLBACK}(OLD.app_id, OLD.username_key), ${CALLBACK}(NEW.app_id, NEW.username_key); END;
CREATE TEMP TRIGGER IF NOT EXISTS users_deleted AFTER DELETE ON users
  BEGIN SELECT ${CALLBACK}(OLD.app_id, OLD.username_key); END;
CREATE TEMP TRIGGER IF NOT EXISTS push_settings_inserted AFTER INSERT ON push_settings
  BEGIN SELECT ${CALLBACK}(app_id, username_key) FROM users WHERE seq = NEW.user_seq; END;
CREATE TEMP TRIGGER IF NOT EXISTS push_settings_updated AFTER UPDATE ON push_settings
  BEGIN SELECT ${CALLBACK}(app_id, username_key) FROM users WHERE seq IN (OLD.user_seq, NEW.user_seq); END;
CREATE TEMP TRIGGER IF NOT EXISTS push_settings_deleted AFTER DELETE ON push_settings
  BEGIN SELECT ${CALLBACK}(app_id, username_key) FROM users WHERE seq = OLD.user_seq; END;
`;

/** Installs the triggers (after the tables exist) and answers how to listen to them. */
export function watchUserChanges(db: DatabaseSync) {
  const listeners: UserChangeListener[] = [];
  // Not deterministic (it has an effect), and callable from triggers (directOnly off).
  db.function(CALLBACK, { deterministic: false, directOnly: false }, (appId, usernameKey) => {
    for (const listener of listeners) listener(Number(appId), String(usernameKey));
    return null;
  });
  db.exec(TRIGGERS);
  return {
    onChange(listener: UserChangeListener): void {
      listeners.push(listener);
    },
  };
}

export type UserChanges = ReturnType<typeof watchUserChanges>;
