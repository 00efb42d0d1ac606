// The docs page's weight: the file (dist/docs/index.html, Redoc's script inlined so it works
// offline, gzip-packed: scripts/docs-page.ts) and what the sandbox sends for /docs to a browser,
// which accepts gzip. Reported on every run; both must stay within the budget.
import { readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCS_PAGE_BUDGET_BYTES, formatWeight, packRedocScript, pageWeight, redocStandaloneScript } from '../../scripts/docs-page.ts';
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
  it('is within the budget on disk, with Redoc\'s script packed whole', () => {
    const html = readFileSync(page, 'utf8');
    console.log(`docs page: ${formatWeight(pageWeight(html))}`);
    expect(statSync(page).size).toBeLessThan(DOCS_PAGE_BUDGET_BYTES);
    // The packed script is Redoc's own, byte for byte: nothing was cut to make the weight.
    const packed = /\}\)\("([A-Za-z0-9+/=]+)"\);/.exec(html)?.[1];
    expect(packed).toBeDefined();
    expect(gunzipSync(Buffer.from(packed!, 'base64')).toString('utf8')).toBe(redocStandaloneScript());
    expect(html).not.toContain('const{RedocStandalone,hydrate,init}=');
  });

  it('fails the build, rather than ship a page that cannot load, when build-docs did not inline the script as expected', () => {
    const script = redocStandaloneScript();
    expect(() => packRedocScript('<script type="module">import { hydrate } from "https://cdn.example/redoc.js";</script>', script)).toThrow(/not inlined once/);
    expect(() => packRedocScript(`<script>${script}</script><script>${script}</script>`, script)).toThrow(/not inlined once/);
  });

  it('is sent gzip-compressed to browsers, within the budget, and whole to clients that do not ask', async () => {
    const file = statSync(page).size;
    const compressed = await get('/docs', { 'accept-encoding': 'gzip, deflate, br' });
    const plain = await get('/docs', { 'accept-encoding': 'identity' });
    console.log(`docs page: sent gzip ${(compressed.body.length / 1024 / 1024).toFixed(2)} MB`);
    expect(compressed.headers['content-encoding']).toBe('gzip');
    expect(compressed.headers.vary).toBe('accept-encoding');
    expect(gunzipSync(compressed.body).length).toBe(file);
    expect(compressed.body.length).toBeLessThan(DOCS_PAGE_BUDGET_BYTES);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBe(file);
  });
});
