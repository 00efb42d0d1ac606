// Client users pay for nothing of the contract face, and users of the checker for nothing of the
// scenarios: the static import graph of each entry point (TypeScript's own pre-processor reads
// the imports, dynamic ones included) stays out of what it does not need.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/servers.ts';

/** Every source file an entry loads, and every package it imports. */
function importGraph(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    // generated/schema.js is the types' `.d.ts` (imported for types only); JSON tables are leaves.
    if (files.has(file) || !existsSync(file)) return;
    files.add(file);
    if (!file.endsWith('.ts')) return;
    for (const { fileName } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      if (fileName.startsWith('.')) visit(resolve(dirname(file), fileName));
      else packages.add(fileName.startsWith('node:') ? 'node:' : fileName.split('/').slice(0, fileName.startsWith('@') ? 2 : 1).join('/'));
    }
  };
  visit(join(projectRoot, entry));
  return { files: [...files].map((f) => relative(projectRoot, f)).sort(), packages: [...packages].sort() };
}

describe('what each face of the package loads', () => {
  it('the client (`.`): openapi-fetch and Node built-ins, nothing of the contract face', () => {
    const graph = importGraph('src/client/index.ts');
    expect(graph.packages).toEqual(['node:', 'openapi-fetch']);
    expect(graph.files.filter((f) => !f.startsWith('src/client/') && !f.startsWith('generated/'))).toEqual([]);
  });

  it('the checker (`./contract`): Ajv, none of the scenarios and not fast-check', () => {
    const graph = importGraph('src/contract/index.ts');
    expect(graph.packages).toEqual(['ajv', 'ajv-formats', 'node:']);
    expect(graph.files.filter((f) => f.startsWith('src/contract/scenarios/') || f.startsWith('src/contract/suite/'))).toEqual([]);
  });

  it('the easemob-contract command: the scenarios, fast-check and the client, no test framework', () => {
    const graph = importGraph('src/cli/contract/main.ts');
    expect(graph.files).toContain('src/contract/scenarios/index.ts');
    expect(graph.packages).toEqual(['ajv', 'ajv-formats', 'fast-check', 'node:', 'openapi-fetch']);
  });
});
