// The contact operations of the later docs: paged contacts with remarks
// (GET /user/{u}/contacts), remarks (PUT /user/{o}/contacts/users/{f}), import
// (POST /users/{u}/contacts/import) and checks (POST /contacts/check).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEasemobClient, paginate } from '../../src/client/index.ts';
import { MAX_CONTACTS } from '../../src/sandbox/handlers/import-contacts.ts';
import { expectError, startTestSandbox, type TestSandbox } from './support/sandbox-calls.ts';

let t: TestSandbox;

beforeAll(async () => {
  t = await startTestSandbox({ now: (() => { let n = 1_700_000_000_000; return () => (n += 1000); })() });
  await t.register('anna', 'c1', 'c2', 'c3', 'c4', 'lonely', 'ghost');
});
afterAll(() => t.sandbox.close());

const contactsOf = async (name: string) => (await t.api('GET', `/users/${name}/contacts/users`)).body.data;

describe('importContacts', () => {
  it('adds up to 10 contacts both ways and sorts out the names it could not add', async () => {
    const answer = await t.api('POST', '/users/anna/contacts/import?isSendNotice=true', { json: { usernames: ['c1', 'C2', 'nobody', 'anna'] } });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toMatchObject({ status: 'ok', action: 'post' });
    expect(answer.body.data).toEqual({ success: ['c1', 'C2'], NotExistFailed: ['nobody'], maxLimitFailed: [], UnKnowFailed: ['anna'] });
    expect(await contactsOf('anna')).toEqual(['c1', 'c2']);
    expect(await contactsOf('c2')).toEqual(['anna']);
    // Importing an existing contact again succeeds and changes nothing.
    expect((await t.api('POST', '/users/anna/contacts/import', { json: { usernames: ['c1'] } })).body.data.success).toEqual(['c1']);
    for (const name of ['c3', 'c4']) await t.api('POST', `/users/anna/contacts/users/${name}`);
  });

  it('refuses more than 10 names, an empty list, bad names and flags; 404 for an unknown user; nothing changes', async () => {
    const eleven = Array.from({ length: 11 }, (_, i) => `x${i}`);
    expectError(await t.api('POST', '/users/lonely/contacts/import', { json: { usernames: eleven } }), 400, 'illegal_argument', 'request user over flow limit:10.');
    expectError(await t.api('POST', '/users/lonely/contacts/import', { json: { usernames: [] } }), 400, 'illegal_argument');
    expectError(await t.api('POST', '/users/lonely/contacts/import', { json: { usernames: ['c1', 'a b'] } }), 400, 'illegal_argument');
    expectError(await t.api('POST', '/users/lonely/contacts/import?isSendNotice=yes', { json: { usernames: ['c1'] } }), 400, 'illegal_argument');
    expectError(await t.api('POST', '/users/nobody/contacts/import', { json: { usernames: ['c1'] } }), 404, 'service_resource_not_found');
    expect(await contactsOf('lonely')).toEqual([]);
  });

  it('answers 403 exceed_limit for a user at the contact limit, and maxLimitFailed when it is reached midway', async () => {
    // A sandbox on a database file, filled to one short of the limit with SQL beside it (3,000
    // registrations through the API would take minutes of password hashing).
    const dir = mkdtempSync(join(tmpdir(), 'contacts-limit-'));
    const full = await startTestSandbox({ db: join(dir, 'sandbox.db') });
    try {
      await full.register('popular', 'p1', 'p2', 'p3');
      const db = new DatabaseSync(join(dir, 'sandbox.db'));
      db.exec('PRAGMA busy_timeout = 5000');
      const owner = db.prepare("SELECT seq, app_id FROM users WHERE username = 'popular'").get() as { seq: number; app_id: number };
      const addUser = db.prepare("INSERT INTO users (app_id, uuid, username, username_key, password_hash, created, modified) VALUES (?, ?, ?, ?, 'x', 1, 1) RETURNING seq");
      const addContact = db.prepare('INSERT INTO contacts (user_seq, friend_seq, created) VALUES (?, ?, 1)');
      db.exec('BEGIN');
      for (let i = 0; i < MAX_CONTACTS - 1; i++) {
        const { seq } = addUser.get(owner.app_id, randomUUID(), `filler${i}`, `filler${i}`) as { seq: number };
        addContact.run(owner.seq, seq);
      }
      db.exec('COMMIT');
      db.close();
      const midway = await full.api('POST', '/users/popular/contacts/import', { json: { usernames: ['p1', 'p2'] } });
      expect(midway.body.data).toEqual({ success: ['p1'], NotExistFailed: [], maxLimitFailed: ['p2'], UnKnowFailed: [] });
      expectError(await full.api('POST', '/users/popular/contacts/import', { json: { usernames: ['p3'] } }), 403, 'exceed_limit');
      expect((await full.api('GET', '/users/p3/contacts/users')).body.data).toEqual([]);
    } finally {
      await full.sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('listContactsPage and setContactRemark', () => {
  it('pages contacts newest first, with remarks on request', async () => {
    expect((await t.api('PUT', '/user/anna/contacts/users/c3', { json: { remark: '同事' } })).body).toMatchObject({ action: 'put', status: 'ok' });
    const first = await t.api('GET', '/user/anna/contacts?limit=2&needReturnRemark=true');
    expect(first.status, first.text).toBe(200);
    expect(first.body.data.contacts).toEqual([{ remark: null, username: 'c4' }, { remark: '同事', username: 'c3' }]);
    expect(first.body.count).toBe(2);
    expect(first.body.cursor).toBeUndefined();
    const second = await t.api('GET', `/user/anna/contacts?limit=2&cursor=${first.body.data.cursor}`);
    expect(second.body.data.contacts).toEqual([{ username: 'c2' }, { username: 'c1' }]);
    expect(second.body.data.cursor).toBeUndefined();
    // The web SDK's first call sends an empty cursor (getContactsWithCursor): the first page.
    expect((await t.api('GET', '/user/anna/contacts?limit=2&cursor=')).body.data).toEqual({ contacts: [{ username: 'c4' }, { username: 'c3' }], cursor: first.body.data.cursor });
  });

  it('reads a boolean in any letter case, as the service\'s Java does: Python sends True and False', async () => {
    const withRemarks = await t.api('GET', '/user/anna/contacts?limit=2&needReturnRemark=True');
    expect(withRemarks.body.data.contacts).toEqual([{ remark: null, username: 'c4' }, { remark: '同事', username: 'c3' }]);
    expect((await t.api('GET', '/user/anna/contacts?limit=2&needReturnRemark=TRUE')).body.data.contacts[1]).toEqual({ remark: '同事', username: 'c3' });
    expect((await t.api('GET', '/user/anna/contacts?limit=2&needReturnRemark=False')).body.data.contacts).toEqual([{ username: 'c4' }, { username: 'c3' }]);
    expect((await t.api('GET', '/users/anna/contacts/users?needReturnRemark=True')).body.entities).toContainEqual({ username: 'c3', remark: '同事' });
  });

  it('is walked by the client\'s paginate', async () => {
    const client = createEasemobClient({ baseUrl: t.app.baseUrl, token: t.token });
    const names: string[] = [];
    for await (const page of paginate(client, '/user/{username}/contacts', { params: { path: { username: 'anna' }, query: { limit: 3 } } })) {
      names.push(...page.data.contacts.map((c) => c.username));
    }
    expect(names).toEqual(['c4', 'c3', 'c2', 'c1']);
  });

  it('forgets a remark with its contact', async () => {
    await t.api('DELETE', '/users/anna/contacts/users/c3');
    await t.api('POST', '/users/anna/contacts/users/c3');
    const page = await t.api('GET', '/user/anna/contacts?limit=1&needReturnRemark=true');
    expect(page.body.data.contacts).toEqual([{ remark: null, username: 'c3' }]);
  });

  it('refuses remarks between non-contacts and over 100 characters, limits outside 1..50; 404s', async () => {
    expectError(await t.api('PUT', '/user/anna/contacts/users/lonely', { json: { remark: 'x' } }), 400, 'illegal_argument', 'updateRemark they are not friends, please add as a friend first.');
    expectError(await t.api('PUT', '/user/anna/contacts/users/c1', { json: { remark: 'x'.repeat(101) } }), 400, 'illegal_argument');
    expect((await t.api('PUT', '/user/anna/contacts/users/c1', { json: { remark: '备'.repeat(100) } })).status).toBe(200);
    expectError(await t.api('PUT', '/user/anna/contacts/users/c1', { json: {} }), 400, 'illegal_argument');
    expectError(await t.api('PUT', '/user/anna/contacts/users/nobody', { json: { remark: 'x' } }), 404, 'service_resource_not_found');
    expectError(await t.api('GET', '/user/anna/contacts?limit=51'), 400, 'illegal_argument', 'getContacts | page size more than max limit : 50');
    expectError(await t.api('GET', '/user/anna/contacts?limit=0'), 400, 'illegal_argument');
    expectError(await t.api('GET', '/user/anna/contacts?needReturnRemark=1'), 400, 'illegal_argument');
    expectError(await t.api('GET', '/user/anna/contacts?needReturnRemark=yes'), 400, 'illegal_argument');
    expectError(await t.api('GET', '/user/anna/contacts?cursor=bm9wZQ'), 400, 'illegal_argument');
    expectError(await t.api('GET', '/user/nobody/contacts'), 404, 'service_resource_not_found');
    const page = await t.api('GET', '/user/anna/contacts?limit=50&needReturnRemark=true');
    expect(page.body.data.contacts.find((c: { username: string }) => c.username === 'c1').remark).toBe('备'.repeat(100));
  });
});

describe('checkContacts', () => {
  it('answers friend or not_friend per name, in order; 400, 403 and 404 as for block checks', async () => {
    const answer = await t.api('POST', '/contacts/check', { json: { username: 'anna', check_list: ['c1', 'lonely', 'nobody'] } });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.entities).toEqual([
      { username: 'c1', relation: 'friend' },
      { username: 'lonely', relation: 'not_friend' },
      { username: 'nobody', relation: 'not_friend' },
    ]);
    // The fields of the page's answer (user_friend_check.md), no others: a `params` the page does
    // not have made the generated Java client (okhttp-gson) refuse the whole answer.
    expect(Object.keys(answer.body).sort()).toEqual(['action', 'application', 'applicationName', 'duration', 'entities', 'organization', 'path', 'timestamp', 'uri']);
    expectError(await t.api('POST', '/contacts/check', { json: { username: '', check_list: ['c1'] } }), 400, 'illegal_argument', 'username cannot be blank');
    expectError(await t.api('POST', '/contacts/check', { json: { username: 'anna', check_list: Array.from({ length: 101 }, (_, i) => `n${i}`) } }), 400, 'illegal_argument', 'check_list size must be between 1 and 100');
    expectError(await t.api('POST', '/contacts/check', { json: { username: 'nobody', check_list: ['c1'] } }), 404, 'service_resource_not_found');
    await t.api('POST', '/users/ghost/deactivate');
    expectError(await t.api('POST', '/contacts/check', { json: { username: 'ghost', check_list: ['c1'] } }), 403, 'forbidden_service_operation');
  });
});
