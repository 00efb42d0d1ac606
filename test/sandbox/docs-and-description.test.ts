// The docs page and the bundled description, served beside the API.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bundlePath } from '../../src/contract/description.ts';
import { startTestSandbox, type TestSandbox } from './support/sandbox-calls.ts';

let t: TestSandbox;

beforeAll(async () => {
  t = await startTestSandbox({ rateLimit: 1 });
});
afterAll(() => t.sandbox.close());

it('serves the bundle at /openapi.json and the docs page at /docs, not rate-limited', async () => {
  for (let i = 0; i < 3; i++) {
    const bundle = await fetch(`${t.sandbox.url}/openapi.json`);
    expect(bundle.status).toBe(200);
    expect(await bundle.json()).toEqual(JSON.parse(readFileSync(bundlePath, 'utf8')));
  }
  const docs = await fetch(`${t.sandbox.url}/docs`);
  expect(docs.status).toBe(200);
  expect(docs.headers.get('content-type')).toMatch(/text\/html/);
  const root = await fetch(`${t.sandbox.url}/`, { redirect: 'manual' });
  expect(root.status).toBe(302);
  expect(root.headers.get('location')).toBe('/docs');
});
