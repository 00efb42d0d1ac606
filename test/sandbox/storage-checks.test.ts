// A --db file is checked before use (issue 10, items 5 and 10): a damaged file, or one that is not
// a sandbox database (a 0-byte file included), is refused with a clear message and left exactly
// as it was; a new file and its WAL are readable by their owner only.
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxOptions } from '../../src/sandbox/index.ts';
import { SandboxStorageError } from '../../src/sandbox/storage/database.ts';
import { getToken } from './support/sandbox-calls.ts';

const dir = mkdtempSync(join(tmpdir(), 'sandbox-storage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let serial = 0;
const file = () => join(dir, `db${++serial}.db`);

async function refused(path: string, message: RegExp): Promise<void> {
  const before = readFileSync(path);
  const error = await startSandbox({ host: '127.0.0.1', port: 0, db: path }).then(
    async (sandbox) => {
      await sandbox.close();
      return undefined;
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SandboxStorageError);
  expect(String(error)).toMatch(message);
  expect(readFileSync(path).equals(before)).toBe(true);
}

/** A sandbox file with 300 users, closed (so everything is in the main file). */
async function populated(): Promise<string> {
  const path = file();
  const sandbox = await startSandbox({ host: '127.0.0.1', port: 0, db: path, rateLimit: 'off' });
  const app = sandbox.apps[0]!;
  const token = await getToken(app);
  for (let i = 0; i < 5; i++) {
    const batch = Array.from({ length: 60 }, (_, j) => ({ username: `user${i}_${j}`, password: 'p', nickname: 'n'.repeat(90) }));
    const answer = await fetch(`${app.baseUrl}/users`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(batch) });
    expect(answer.status).toBe(200);
  }
  await sandbox.close();
  return path;
}

describe('a database file', () => {
  it('is created 0600, and so is its WAL', async () => {
    const path = file();
    const sandbox = await startSandbox({ host: '127.0.0.1', port: 0, db: path });
    try {
      await getToken(sandbox.apps[0]!); // a write, so the WAL exists
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(statSync(`${path}-wal`).mode & 0o777).toBe(0o600);
    } finally {
      await sandbox.close();
    }
  });

  it('is refused when empty (0 bytes), not started as a fresh sandbox', async () => {
    const path = file();
    writeFileSync(path, '');
    await refused(path, /is empty \(0 bytes\), not a sandbox database/);
  });

  it('is refused when it is not SQLite', async () => {
    const path = file();
    writeFileSync(path, 'user,password\njliu,123456\n');
    await refused(path, /is not an SQLite database/);
  });

  it('is refused when it is another program’s SQLite database', async () => {
    const path = file();
    const other = new DatabaseSync(path);
    other.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES (\'mine\')');
    other.close();
    await refused(path, /is an SQLite database, but not a sandbox database/);
  });

  it('is refused when a page is zeroed, instead of answering 500 later', async () => {
    const path = await populated();
    const pages = statSync(path).size / 4096;
    expect(pages).toBeGreaterThan(8);
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(4096), 0, 4096, Math.floor(pages / 2) * 4096);
    closeSync(fd);
    await refused(path, /is damaged|cannot be opened/);
  });

  it('is reopened when sound, with everything in it', async () => {
    const path = await populated();
    const sandbox = await startSandbox({ host: '127.0.0.1', port: 0, db: path, rateLimit: 'off' });
    try {
      const app = sandbox.apps[0]!;
      const token = await getToken(app);
      const answer = await fetch(`${app.baseUrl}/users/user4_59`, { headers: { authorization: `Bearer ${token}` } });
      expect(answer.status).toBe(200);
    } finally {
      await sandbox.close();
    }
  });

  it('made before the push binding columns, gets them on start and keeps its push settings', async () => {
    const path = file();
    const options: SandboxOptions = { host: '127.0.0.1', port: 0, db: path, rateLimit: 'off', apps: [{ org: 'o', app: 'a', clientId: 'id', clientSecret: 'secret' }] };
    const first = await startSandbox(options);
    const put = async (baseUrl: string, body: unknown) =>
      fetch(`${baseUrl}/users/pia`, { method: 'PUT', headers: { authorization: `Bearer ${await getToken(first.apps[0]!)}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const token = await getToken(first.apps[0]!);
    await fetch(`${first.apps[0]!.baseUrl}/users`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{"username":"pia","password":"p"}' });
    expect((await put(first.apps[0]!.baseUrl, { notification_display_style: 1 })).status).toBe(200);
    await first.close();
    // The file as the sandbox wrote it before the binding columns (2015.2.0 development).
    const db = new DatabaseSync(path);
    db.exec('ALTER TABLE push_settings DROP COLUMN notifier_name; ALTER TABLE push_settings DROP COLUMN device_token');
    db.close();
    const second = await startSandbox(options);
    try {
      const app = second.apps[0]!;
      const bound = await fetch(`${app.baseUrl}/users/pia`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${await getToken(app)}`, 'content-type': 'application/json' },
        body: JSON.stringify({ device_id: 'd', device_token: 't', notifier_name: 'n' }),
      });
      expect(bound.status, await bound.clone().text()).toBe(200);
      expect(((await bound.json()) as { entities: Array<Record<string, unknown>> }).entities[0]).toMatchObject({ notification_display_style: 1, device_token: 't', notifier_name: 'n' });
    } finally {
      await second.close();
    }
  });
});
