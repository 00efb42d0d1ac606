// The client's documented snippets (README.md and docs/client.md) are what users copy: each
// must type-check as a user's own code would, under `strict` with exactOptionalPropertyTypes and
// noUncheckedIndexedAccess, importing 'easemob-user-api' (mapped to the sources), and none may
// need `!` or `?.` on `data` (a call that resolves always has it).
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TSC_7 } from '../../scripts/typescript-compilers.ts';
import { projectRoot } from '../support/servers.ts';

const run = promisify(execFile);

/** The ```ts blocks of a Markdown file that import the package's client. */
export function clientSnippets(markdown: string): string[] {
  return [...markdown.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((code) => code.includes("from 'easemob-user-api'"));
}

const sources = {
  'README.md': clientSnippets(readFileSync(join(projectRoot, 'README.md'), 'utf8')),
  'docs/client.md': clientSnippets(readFileSync(join(projectRoot, 'docs/client.md'), 'utf8')),
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'easemob-snippets-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('documented client snippets', () => {
  it('exist in both documents', () => {
    expect(sources['README.md'].length).toBeGreaterThanOrEqual(1);
    expect(sources['docs/client.md'].length).toBeGreaterThanOrEqual(3);
  });

  it('never need ! or ?. on data', () => {
    for (const [file, snippets] of Object.entries(sources)) {
      for (const code of snippets) expect(code, file).not.toMatch(/\bdata(!|\?\.)/);
    }
  });

  it('type-check under strict, exactOptionalPropertyTypes and noUncheckedIndexedAccess (TypeScript 7, what a new project gets)', { timeout: 120_000 }, async () => {
    const files: string[] = [];
    for (const [file, snippets] of Object.entries(sources)) {
      for (const [i, code] of snippets.entries()) {
        const name = `${file.replace(/\W/g, '_')}_${i}.ts`;
        await writeFile(join(dir, name), `${code}\nexport {};\n`);
        files.push(name);
      }
    }
    await writeFile(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
    await writeFile(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2023',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2023', 'DOM'],
          strict: true,
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
          allowImportingTsExtensions: true,
          noEmit: true,
          skipLibCheck: true,
          typeRoots: [join(projectRoot, 'node_modules/@types')],
          types: ['node'],
          // Absolute: TypeScript 7 has no baseUrl, and resolves paths against this file's folder.
          paths: {
            'easemob-user-api': [join(projectRoot, 'src/client/index.ts')],
            'easemob-user-api/sandbox': [join(projectRoot, 'src/sandbox/index.ts')],
            'easemob-user-api/contract': [join(projectRoot, 'src/contract/index.ts')],
          },
        },
        files,
      }),
    );
    const result = await run(TSC_7, ['-p', dir]).then(
      () => '',
      (error: { stdout?: string }) => error.stdout ?? String(error),
    );
    expect(result).toBe('');
  });
});
