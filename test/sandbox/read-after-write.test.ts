// GET /users/{username} answers from an in-memory copy of the entity (storage/user-entity-cache.ts):
// every kind of write that touches a user must show in the next read, however the user was read
// (and so cached) before it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/sandbox/index.ts';
import { call, expectError, getToken, startTestSandbox, type TestSandbox } from './support/sandbox-calls.ts';

let t: TestSandbox;
let clock = Date.parse('2026-03-01T00:00:00Z');

beforeAll(async () => {
  t = await startTestSandbox({ now: () => clock });
});
afterAll(() => t.sandbox.close());

/** Reads the user twice (the second read is the cached one) and answers the entity. */
async function read(username: string) {
  const first = await t.api('GET', `/users/${username}`);
  expect(first.status, first.text).toBe(200);
  const second = await t.api('GET', `/users/${username}`);
  expect(second.body.entities, second.text).toEqual(first.body.entities);
  return second.body.entities[0];
}

/** Moves the clock on, so that a write's `modified` differs from what was read before it. */
function tick() {
  clock += 60_000;
}

describe('a read after a write shows the write', () => {
  it('registration: a name read as unknown is found once registered', async () => {
    expectError(await t.api('GET', '/users/raw-new'), 404, 'service_resource_not_found');
    await t.register('raw-new');
    expect(await read('raw-new')).toMatchObject({ username: 'raw-new', activated: true });
  });

  it('password change: modified moves', async () => {
    await t.register('raw-password');
    const before = await read('raw-password');
    tick();
    expect((await t.api('PUT', '/users/raw-password/password', { json: { newpassword: 'another-1' } })).status).toBe(200);
    const after = await read('raw-password');
    expect(after.modified).toBe(clock);
    expect(after.modified).toBeGreaterThan(before.modified);
  });

  it('nickname and push settings changes', async () => {
    await t.register('raw-nickname');
    expect((await read('raw-nickname')).nickname).toBeUndefined();
    tick();
    expect((await t.api('PUT', '/users/RAW-NICKNAME', { json: { nickname: 'first "quoted" 名' } })).status).toBe(200);
    expect(await read('raw-nickname')).toMatchObject({ nickname: 'first "quoted" 名', modified: clock });
    expect((await t.api('PUT', '/users/raw-nickname', { json: { notification_display_style: 1, notification_no_disturbing: true } })).status).toBe(200);
    expect(await read('raw-nickname')).toMatchObject({ nickname: 'first "quoted" 名', notification_display_style: 1, notification_no_disturbing: true });
    expect((await t.api('PUT', '/users/raw-nickname', { json: { notification_display_style: 0 } })).status).toBe(200);
    expect((await read('raw-nickname')).notification_display_style).toBe(0);
  });

  it('deactivate and activate', async () => {
    await t.register('raw-state');
    expect((await read('raw-state')).activated).toBe(true);
    expect((await t.api('POST', '/users/raw-state/deactivate')).status).toBe(200);
    expect((await read('raw-state')).activated).toBe(false);
    expect((await t.api('POST', '/users/raw-state/activate')).status).toBe(200);
    expect((await read('raw-state')).activated).toBe(true);
  });

  it('delete, then the name registered again (in another letter case): the new user', async () => {
    await t.register('raw-again');
    const before = await read('raw-again');
    expect((await t.api('DELETE', '/users/raw-again')).status).toBe(200);
    expectError(await t.api('GET', '/users/raw-again'), 404, 'service_resource_not_found');
    await t.register('RAW-again');
    const after = await read('raw-again');
    expect(after.uuid).not.toBe(before.uuid);
    expect(after.username).toBe('RAW-again');
  });

  it('DELETE /users (the oldest users, in a batch)', async () => {
    const fresh = await startTestSandbox();
    try {
      await fresh.register('batch-a', 'batch-b', 'batch-c');
      for (const name of ['batch-a', 'batch-b', 'batch-c']) expect((await fresh.api('GET', `/users/${name}`)).status).toBe(200);
      const deleted = await fresh.api('DELETE', '/users?limit=2');
      expect(deleted.status, deleted.text).toBe(200);
      expectError(await fresh.api('GET', '/users/batch-a'), 404, 'service_resource_not_found');
      expectError(await fresh.api('GET', '/users/batch-b'), 404, 'service_resource_not_found');
      expect((await fresh.api('GET', '/users/batch-c')).status).toBe(200);
    } finally {
      await fresh.sandbox.close();
    }
  });

  it('a clock move: the token is still checked on every read (only the entity is kept)', async () => {
    const shortLived = await getToken(t.app, 60);
    await t.register('raw-clock');
    expect((await call(t.app, 'GET', '/users/raw-clock', { token: shortLived })).status).toBe(200);
    t.sandbox.advanceClock(61_000);
    expectError(await call(t.app, 'GET', '/users/raw-clock', { token: shortLived }), 401, 'expired_token');
    expect((await read('raw-clock')).username).toBe('raw-clock');
  });

  it('the URI echoes each request as sent, whatever request the entity was kept from', async () => {
    await t.register('raw-uri');
    expect((await t.api('GET', '/users/raw-uri')).body.uri).toBe(`${t.app.baseUrl}/users/raw-uri`);
    const other = await t.api('GET', '/users/RAW-Uri');
    expect(other.body.uri).toBe(`${t.app.baseUrl}/users/RAW-Uri`);
    expect(other.body.entities[0].username).toBe('raw-uri');
  });
});

it('apps keep their own users of the same name', async () => {
  const sandbox = await startSandbox({ port: 0, rateLimit: 'off', apps: [{ org: 'org-a', app: 'one' }, { org: 'org-b', app: 'two' }] });
  try {
    const [one, two] = sandbox.apps as [(typeof sandbox.apps)[0], (typeof sandbox.apps)[0]];
    for (const [app, nickname] of [[one, 'in one'], [two, 'in two']] as const) {
      const token = await getToken(app);
      expect((await call(app, 'POST', '/users', { token, json: { username: 'same', password: 'pw-same', nickname } })).status).toBe(200);
    }
    for (const [app, nickname] of [[one, 'in one'], [two, 'in two']] as const) {
      const answer = await call(app, 'GET', '/users/same', { token: await getToken(app) });
      expect(answer.body).toMatchObject({ organization: app.org, applicationName: app.app, application: app.uuid, entities: [{ nickname }] });
    }
  } finally {
    await sandbox.close();
  }
});

// Each sandbox keeps its own copies: one started later in the same process, on the same file,
// reads what is in the file.
it('a restart on a database file shows what another sandbox wrote to it meanwhile', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-read-after-write-'));
  const db = join(dir, 'sandbox.db');
  const app = { org: 'easemob-demo', app: 'chatdemoui', clientId: 'YXA6read-after-write', clientSecret: 'YXA6read-after-write-secret' };
  const start = () => startSandbox({ port: 0, rateLimit: 'off', db, scryptCost: 16, apps: [app] });
  try {
    const first = await start();
    const token = await getToken(first.apps[0]!);
    expect((await call(first.apps[0]!, 'POST', '/users', { token, json: { username: 'kept', password: 'pw-kept' } })).status).toBe(200);
    expect((await call(first.apps[0]!, 'GET', '/users/kept', { token })).body.entities[0].nickname).toBeUndefined();
    await first.close();

    const second = await start();
    expect((await call(second.apps[0]!, 'PUT', '/users/kept', { token, json: { nickname: 'set while the first was down' } })).status).toBe(200);
    await second.close();

    const third = await start();
    try {
      expect((await call(third.apps[0]!, 'GET', '/users/kept', { token })).body.entities[0].nickname).toBe('set while the first was down');
    } finally {
      await third.close();
    }
    // The triggers that report writes live in the connection: in the file they would make every
    // write by another tool fail (it has no sandbox_user_changed function).
    const file = new DatabaseSync(db);
    try {
      const triggers = file.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger'").all() as Array<{ sql: string }>;
      expect(triggers.filter((trigger) => trigger.sql.includes('sandbox_user_changed'))).toEqual([]);
      file.exec("UPDATE users SET nickname = 'by another tool'");
      file.exec('DELETE FROM users');
    } finally {
      file.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
