// The docs page's weight: the file (dist/docs/index.html, Redoc's script inlined so it works
// offline) and what the sandbox sends for /docs to a browser, which accepts gzip. Reported on
// every run; the goal for what a reader downloads is under 1.5 MB.
import { statSync } from 'node:fs';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.ts';

const page = fileURLToPath(new URL('../../dist/docs/index.html', import.meta.url));
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, rateLimit: 'off' });
});
afterAll(() => sandbox.close());

function get(path: string, headers: Record<string, string>): Promise<{ headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(sandbox.url + path, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('the docs page weight', () => {
  it('is sent gzip-compressed to browsers, under 1.5 MB, and whole to clients that do not ask', async () => {
    const file = statSync(page).size;
    const compressed = await get('/docs', { 'accept-encoding': 'gzip, deflate, br' });
    const plain = await get('/docs', { 'accept-encoding': 'identity' });
    console.log(`docs page: file ${(file / 1024 / 1024).toFixed(2)} MB, sent gzip ${(compressed.body.length / 1024 / 1024).toFixed(2)} MB`);
    expect(compressed.headers['content-encoding']).toBe('gzip');
    expect(compressed.headers.vary).toBe('accept-encoding');
    expect(gunzipSync(compressed.body).length).toBe(file);
    expect(compressed.body.length).toBeLessThan(1.5 * 1024 * 1024);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBe(file);
  });
});
