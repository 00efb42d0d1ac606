// The vendor's examples (test/fixtures/seed-examples.json, extracted from the seed pages by
// scripts/extract-seed-examples.ts) read into the curl requests and JSON answers they show, in
// the order they appear. The text is kept as printed: parsing, and the few repairs the seed's
// known defects need (docs/sources.md), happen here, where the tests can see them.
import { readFileSync } from 'node:fs';
import { SEED_2015, SEED_OLD, type SeedExample } from '../../scripts/extract-seed-examples.ts';

export { SEED_2015, SEED_OLD };

const seedExamples = JSON.parse(readFileSync(new URL('../fixtures/seed-examples.json', import.meta.url), 'utf8')) as { examples: SeedExample[] };

export interface SeedCurl {
  seed: string;
  section: string;
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string;
}

export interface SeedResponse {
  seed: string;
  section: string;
  /** The curl this response answers: the last one shown before it. */
  request: SeedCurl;
  /** The text as printed in the seed. */
  raw: string;
  /** The parsed JSON, after the repairs docs/sources.md lists. */
  json: unknown;
  repairs: string[];
}

export interface SeedDocument {
  curls: SeedCurl[];
  responses: SeedResponse[];
}

/** Splits a one-line shell command into words, honouring single and double quotes. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let current = '';
  let quote: string | null = null;
  let inWord = false;
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = null;
      else current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else {
      current += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(current);
  return words;
}

export function parseCurl(line: string, seed: string, section: string): SeedCurl {
  const words = shellWords(line.trim());
  if (words[0] !== 'curl') throw new Error(`not a curl command: ${line}`);
  let method = 'GET';
  const headers: Record<string, string> = {};
  let body: string | undefined;
  let url: URL | undefined;
  for (let i = 1; i < words.length; i++) {
    const word = words[i]!;
    if (word === '-X') method = words[++i]!;
    else if (word === '-H') {
      const header = words[++i]!;
      const colon = header.indexOf(':');
      headers[header.slice(0, colon).trim().toLowerCase()] = header.slice(colon + 1).trim();
    } else if (word === '-d') body = words[++i]!;
    else if (word === '-i') continue;
    else if (/^https?:\/\//.test(word)) url = new URL(word);
    else throw new Error(`unexpected curl argument ${word} in: ${line}`);
  }
  if (!url) throw new Error(`curl without a URL: ${line}`);
  if (body !== undefined && method === 'GET') method = 'POST';
  return { seed, section, method, url, headers, body };
}

/**
 * Removes `//` comments that stand outside JSON strings: the seed annotates some examples inline
 * (status, offline_msg_status, disconnect). URLs inside strings keep their `//`.
 */
export function stripLineComments(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      out += ch;
      if (ch === '\\') out += text[++i] ?? '';
      else if (ch === '"') inString = false;
    } else if (ch === '"') {
      inString = true;
      out += ch;
    } else if (ch === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else out += ch;
  }
  return out;
}

/**
 * Parses a seed's response example, repairing only the defects docs/sources.md lists:
 * `//` comments inside JSON, and the authorized-registration example's stray closing brace
 * (a lone `}` line directly before the `} ],` that closes the entities array).
 */
export function parseSeedJson(raw: string): { json: unknown; repairs: string[] } {
  const repairs: string[] = [];
  let text = raw;
  const uncommented = stripLineComments(text);
  if (uncommented !== text) {
    repairs.push('removed // comments');
    text = uncommented;
  }
  try {
    return { json: JSON.parse(text), repairs };
  } catch (first) {
    const lines = text.split('\n');
    const stray = lines.findIndex(
      (line, i) => line.trim() === '}' && lines[i + 1]?.trim().startsWith('} ]'),
    );
    if (stray < 0) throw first;
    lines.splice(stray, 1);
    repairs.push('removed a stray closing brace');
    return { json: JSON.parse(lines.join('\n')), repairs };
  }
}

/** The examples of one seed page, from the committed test data, curls and answers paired in order. */
export function readSeed(name: string): SeedDocument {
  const doc: SeedDocument = { curls: [], responses: [] };
  let lastCurl: SeedCurl | undefined;
  for (const example of seedExamples.examples.filter((e) => e.seed === name)) {
    if (example.kind === 'request') {
      lastCurl = parseCurl(example.text, name, example.section);
      doc.curls.push(lastCurl);
    } else {
      if (!lastCurl) throw new Error(`response before any curl in ${example.section}`);
      doc.responses.push({ seed: name, section: example.section, request: lastCurl, raw: example.text, ...parseSeedJson(example.text) });
    }
  }
  return doc;
}

/** The app base path of every seed URL is `/{org_name}/{app_name}`; this is the rest. */
export function pathAfterApp(url: URL): string {
  return '/' + url.pathname.split('/').slice(3).join('/');
}
