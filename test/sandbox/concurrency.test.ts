// 100 concurrent registrations of one username in mixed case: exactly one user.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from './support/sandbox-calls.ts';

let t: TestSandbox;

beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.sandbox.close());

function mixedCase(name: string, seed: number): string {
  return [...name].map((c, i) => ((seed >> i) & 1 ? c.toUpperCase() : c.toLowerCase())).join('');
}

it('creates exactly one user and answers 99 duplicate_unique_property_exists', async () => {
  const answers = await Promise.all(
    Array.from({ length: 100 }, (_, i) => t.api('POST', '/users', { json: { username: mixedCase('racecar', i), password: `pw${i}` } })),
  );
  const created = answers.filter((a) => a.status === 200);
  const duplicates = answers.filter((a) => a.status === 400 && a.body.error === 'duplicate_unique_property_exists');
  expect(created).toHaveLength(1);
  expect(duplicates).toHaveLength(99);
  const list = await t.api('GET', '/users?limit=100');
  expect(list.body.entities.map((u: { username: string }) => u.username.toLowerCase())).toEqual(['racecar']);
  expect(list.body.entities[0].username).toBe(created[0]!.body.entities[0].username);
});

it('keeps one user per name when batches race each other', async () => {
  const batches = Array.from({ length: 10 }, (_, b) =>
    Array.from({ length: 20 }, (_, i) => ({ username: mixedCase(`racer${i}`, b * 20 + i), password: 'x' })),
  );
  const answers = await Promise.all(batches.map((json) => t.api('POST', '/users', { json })));
  const createdNames = answers.flatMap((a) => a.body.entities.map((u: { username: string }) => u.username.toLowerCase()));
  const failed = answers.flatMap((a) => a.body.data ?? []);
  expect(createdNames.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `racer${i}`).sort());
  expect(failed).toHaveLength(180);
});
