// generated/ is written only by `npm run build`: rebuilding from openapi/ in a scratch copy of
// the sources must reproduce it byte for byte, or someone edited it by hand or forgot to build.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
let scratch: string;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'easemob-build-'));
  for (const entry of ['openapi', 'redocly.yaml']) cpSync(join(root, entry), join(scratch, entry), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(scratch, 'node_modules'));
  execFileSync(process.execPath, [join(root, 'scripts/build.ts'), '--generated-only'], { cwd: scratch, stdio: 'pipe' });
}, 60_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('generated/', () => {
  const committed = readdirSync(join(root, 'generated')).sort();

  it('holds the bundle in JSON and YAML, its OpenAPI 3.0 conversion, the TypeScript types and the run-time tables', () => {
    expect(committed).toEqual(['openapi-3.0.json', 'openapi.json', 'openapi.yaml', 'operations.d.ts', 'operations.js', 'request-limits.d.ts', 'request-limits.js', 'schema.d.ts']);
  });

  it.each(committed)('%s is what the build makes from openapi/', (file) => {
    const fresh = readFileSync(join(scratch, 'generated', file), 'utf8');
    const current = readFileSync(join(root, 'generated', file), 'utf8');
    expect(current === fresh, `generated/${file} is stale: run npm run build and commit it`).toBe(true);
  });
});
