// The apps (org/app pairs) the sandbox serves, with their client credentials and registration mode.
import type { DatabaseSync } from 'node:sqlite';

export interface AppRecord {
  id: number;
  org: string;
  name: string;
  uuid: string;
  clientId: string;
  clientSecret: string;
  openRegistration: boolean;
}

interface AppRow {
  id: number;
  org: string;
  name: string;
  uuid: string;
  client_id: string;
  client_secret: string;
  open_registration: number;
}

function toRecord(row: AppRow): AppRecord {
  return {
    id: row.id,
    org: row.org,
    name: row.name,
    uuid: row.uuid,
    clientId: row.client_id,
    clientSecret: row.client_secret,
    openRegistration: row.open_registration === 1,
  };
}

export function createAppsStore(db: DatabaseSync) {
  const byName = db.prepare('SELECT * FROM apps WHERE org = ? AND name = ?');
  const insert = db.prepare(
    'INSERT INTO apps (org, name, uuid, client_id, client_secret, open_registration) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const updateCredentials = db.prepare('UPDATE apps SET client_id = ?, client_secret = ? WHERE id = ?');
  const updateRegistration = db.prepare('UPDATE apps SET open_registration = ? WHERE id = ?');
  // Every API request looks its app up by the URL: the few apps are kept in memory, and every
  // change here drops them (this process is the only writer of its database).
  const cache = new Map<string, Map<string, AppRecord>>();

  return {
    find(org: string, name: string): AppRecord | undefined {
      const cached = cache.get(org)?.get(name);
      if (cached) return cached;
      const row = byName.get(org, name) as AppRow | undefined;
      if (!row) return undefined;
      const record = toRecord(row);
      let apps = cache.get(org);
      if (!apps) cache.set(org, (apps = new Map()));
      apps.set(name, record);
      return record;
    },
    create(app: Omit<AppRecord, 'id'>): AppRecord {
      insert.run(app.org, app.name, app.uuid, app.clientId, app.clientSecret, app.openRegistration ? 1 : 0);
      cache.clear();
      return this.find(app.org, app.name)!;
    },
    setCredentials(id: number, clientId: string, clientSecret: string): void {
      updateCredentials.run(clientId, clientSecret, id);
      cache.clear();
    },
    setOpenRegistration(id: number, open: boolean): void {
      updateRegistration.run(open ? 1 : 0, id);
      cache.clear();
    },
  };
}

export type AppsStore = ReturnType<typeof createAppsStore>;
