// The sandbox runs on Node 22.13 (docs/sandbox.md), whose node:sqlite has no
// StatementSync#setReturnArrays (Node 24). storage/array-rows.ts then reads the object rows'
// values: the same reads must answer the same users, with the method hidden as on Node 22.
import { StatementSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { startTestSandbox } from './support/sandbox-calls.ts';

/** Registers, updates, pages and reads users, and answers what the reads said, ids and times left out. */
async function readsAfterWrites(): Promise<unknown[]> {
  const t = await startTestSandbox();
  try {
    const seen: unknown[] = [];
    const keep = (entity: Record<string, unknown>) => {
      const { uuid, created, modified, ...rest } = entity;
      expect([typeof uuid, typeof created, typeof modified]).toEqual(['string', 'number', 'number']);
      return rest;
    };
    const registered = await t.api('POST', '/users', {
      json: [
        { username: 'row-a', password: 'row-a-password', nickname: 'Ada' },
        { username: 'row-b', password: 'row-b-password' },
      ],
    });
    expect(registered.status, registered.text).toBe(200);
    seen.push(registered.body.entities.map(keep));
    expect((await t.api('PUT', '/users/row-a', { json: { notification_display_style: 1, notification_no_disturbing: true } })).status).toBe(200);
    expect((await t.api('PUT', '/users/row-b/password', { json: { newpassword: 'row-b-changed' } })).status).toBe(200);
    seen.push(keep((await t.api('GET', '/users/row-a')).body.entities[0]));
    seen.push(keep((await t.api('GET', '/users/ROW-B')).body.entities[0]));
    const first = await t.api('GET', '/users?limit=1');
    const second = await t.api('GET', `/users?limit=1&cursor=${first.body.cursor}`);
    seen.push([...first.body.entities, ...second.body.entities].map(keep));
    return seen;
  } finally {
    await t.sandbox.close();
  }
}

describe('node:sqlite without setReturnArrays (Node 22)', () => {
  it('answers the same users as with it', async () => {
    const withArrays = await readsAfterWrites();
    const method = Object.getOwnPropertyDescriptor(StatementSync.prototype, 'setReturnArrays');
    expect(method).toBeDefined();
    // Hidden only while this sandbox starts and runs; test files in a worker run one at a time.
    Object.defineProperty(StatementSync.prototype, 'setReturnArrays', { value: undefined, configurable: true, writable: true });
    try {
      const withoutArrays = await readsAfterWrites();
      expect(withoutArrays).toEqual(withArrays);
      expect(JSON.stringify(withoutArrays)).toContain('"nickname":"Ada"');
    } finally {
      Object.defineProperty(StatementSync.prototype, 'setReturnArrays', method!);
    }
  });
});
