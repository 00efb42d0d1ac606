// The vendor's request and response examples, as the tests use them: extracted from the seed
// pages (the vendor's Chinese guide, kept outside this repository in ../shared/seeds) into
// test/fixtures/seed-examples.json, which is committed so that a clone tests on its own.
//
//   npm run seeds:check      re-extract and fail when the committed file differs
//                            (says so and passes when ../shared/seeds is not beside the clone)
//   npm run seeds:extract    re-extract and rewrite the committed file
//   (SEEDS_DIR=/path/to/seeds for seeds elsewhere than ../shared/seeds)
//
// Each example is kept as printed (defects included), with the page and the section it comes
// from; parsing and the few documented repairs happen in the tests (test/description/seed-documents.ts).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// ../shared/seeds beside the clone, as on the project's machines; SEEDS_DIR to point elsewhere.
const seedsDir = process.env.SEEDS_DIR ? process.env.SEEDS_DIR.replace(/\/?$/, '/') : fileURLToPath(new URL('../../shared/seeds/', import.meta.url));
const fixture = fileURLToPath(new URL('../test/fixtures/seed-examples.json', import.meta.url));

export const SEED_2015 = '000_fa169852810e6a26.txt';
export const SEED_OLD = '002_8a9078d775befaa6.txt';

export interface SeedExample {
  seed: string;
  /** The 2015 guide's section anchor (`im-2`), or the older page's section number (`2.3`). */
  section: string;
  kind: 'request' | 'response';
  /** A one-line curl command, or a response body as printed. */
  text: string;
}

function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/** The 2015 guide: `## title {#anchor}` sections with `<pre><code>` blocks. */
function extract2015(text: string): SeedExample[] {
  const examples: SeedExample[] = [];
  let section = '';
  const pattern = /^##\s+.*\{#([\w-]+)\}\s*$|<pre[^>]*><code[^>]*>([\s\S]*?)<\/code><\/pre>/gm;
  for (const match of text.matchAll(pattern)) {
    if (match[1]) section = match[1];
    else {
      const block = decodeEntities(match[2]!).trim();
      examples.push({ seed: SEED_2015, section, kind: block.startsWith('curl') ? 'request' : 'response', text: block });
    }
  }
  return examples;
}

/** The older page: `## 2.x title ##` sections, tab-indented curl lines and `#### response` blocks. */
function extractOld(text: string): SeedExample[] {
  const examples: SeedExample[] = [];
  let section = '';
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = /^## (\d+\.\d+)/.exec(line);
    if (heading) section = heading[1]!;
    if (/^\s+curl /.test(line)) examples.push({ seed: SEED_OLD, section, kind: 'request', text: line.trim() });
    if (/^#### response/.test(line)) {
      const block: string[] = [];
      for (i++; i < lines.length && !/^#/.test(lines[i]!); i++) block.push(lines[i]!);
      i--;
      examples.push({ seed: SEED_OLD, section, kind: 'response', text: block.join('\n').trim() });
    }
  }
  return examples;
}

function extract(): string {
  const read = (name: string) => readFileSync(seedsDir + name, 'utf8');
  const content = {
    about:
      'Request and response examples of the vendor\'s Easemob user REST API guide, as printed (defects included). Written by scripts/extract-seed-examples.ts; do not edit.',
    seeds: {
      [SEED_2015]: 'REST API 开发指南, 用户体系集成: the 2015 user-system guide (20 operations); section = the heading anchor',
      [SEED_OLD]: '用户管理REST API: an older, shorter page; section = the heading number',
    },
    examples: [...extract2015(read(SEED_2015)), ...extractOld(read(SEED_OLD))],
  };
  return JSON.stringify(content, null, 2) + '\n';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const write = process.argv.includes('--write');
  if (!existsSync(seedsDir)) {
    console.log(`seed examples: ${seedsDir} is not here; nothing to compare (the committed test/fixtures/seed-examples.json stands)`);
  } else {
    const fresh = extract();
    const committed = existsSync(fixture) ? readFileSync(fixture, 'utf8') : '';
    if (write) {
      writeFileSync(fixture, fresh);
      console.log(`seed examples: wrote ${fixture}`);
    } else if (fresh !== committed) {
      console.error('seed examples: test/fixtures/seed-examples.json differs from the seed pages; run `npm run seeds:extract` and review the diff');
      process.exit(1);
    } else console.log('seed examples: test/fixtures/seed-examples.json matches the seed pages');
  }
}
