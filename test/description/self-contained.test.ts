// A clone tests on its own: nothing under test/ or src/ reads the seed pages or the notes kept
// outside the repository (../shared). The seed examples the tests need are committed test data.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? (entry.name === 'node_modules' ? [] : sourceFiles(join(dir, entry.name))) : /\.(ts|js|mjs|json)$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

describe('the repository', () => {
  it('has no test or source file that reaches outside it for the seeds or the facts', () => {
    const outside = /\.\.\/shared\b|shared\/seeds|easemob-facts\.md/;
    const offenders = [...sourceFiles(join(root, 'src')), ...sourceFiles(join(root, 'test'))]
      .filter((file) => file !== fileURLToPath(import.meta.url) && outside.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file));
    expect(offenders).toEqual([]);
  });

  it('holds the seed examples the description tests use, each with its page and section', () => {
    const { examples } = JSON.parse(readFileSync(join(root, 'test/fixtures/seed-examples.json'), 'utf8')) as {
      examples: Array<{ seed: string; section: string; kind: string; text: string }>;
    };
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) {
      expect(example.seed).toMatch(/^00[02]_[0-9a-f]{16}\.txt$/);
      expect(example.section).not.toBe('');
      expect(['request', 'response']).toContain(example.kind);
    }
  });
});
