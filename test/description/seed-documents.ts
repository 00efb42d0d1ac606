// Reads the vendor's seed pages (../shared/seeds) into the curl requests and JSON response
// examples they show, in the order they appear. The seeds are prose with code blocks, not data,
// so this is deliberately a small, seed-specific reader: it knows the two page layouts we have.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const seedsDir = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));
export const SEED_2015 = '000_fa169852810e6a26.txt';
export const SEED_OLD = '002_8a9078d775befaa6.txt';

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
  /** The parsed JSON, after the repairs the facts page lists. */
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
 * Parses a seed's response example, repairing only the defects the facts page lists:
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

function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/** The 2015 guide: `## title {#anchor}` sections with `<pre><code>` blocks. */
function read2015(text: string): SeedDocument {
  const doc: SeedDocument = { curls: [], responses: [] };
  let section = '';
  let lastCurl: SeedCurl | undefined;
  const pattern = /^##\s+.*\{#([\w-]+)\}\s*$|<pre[^>]*><code[^>]*>([\s\S]*?)<\/code><\/pre>/gm;
  for (const match of text.matchAll(pattern)) {
    if (match[1]) {
      section = match[1];
      continue;
    }
    const block = decodeEntities(match[2]!).trim();
    if (block.startsWith('curl')) {
      lastCurl = parseCurl(block, SEED_2015, section);
      doc.curls.push(lastCurl);
    } else {
      if (!lastCurl) throw new Error(`response before any curl in ${section}`);
      doc.responses.push({ seed: SEED_2015, section, request: lastCurl, raw: block, ...parseSeedJson(block) });
    }
  }
  return doc;
}

/** The older page: `## 2.x title ##` sections, tab-indented curl lines and response blocks. */
function readOld(text: string): SeedDocument {
  const doc: SeedDocument = { curls: [], responses: [] };
  let section = '';
  let lastCurl: SeedCurl | undefined;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = /^## (\d+\.\d+)/.exec(line);
    if (heading) section = heading[1]!;
    if (/^\s+curl /.test(line)) {
      lastCurl = parseCurl(line, SEED_OLD, section);
      doc.curls.push(lastCurl);
    }
    if (/^#### response/.test(line)) {
      const block: string[] = [];
      for (i++; i < lines.length && !/^#/.test(lines[i]!); i++) block.push(lines[i]!);
      i--;
      const raw = block.join('\n').trim();
      if (!lastCurl) throw new Error(`response before any curl in ${section}`);
      doc.responses.push({ seed: SEED_OLD, section, request: lastCurl, raw, ...parseSeedJson(raw) });
    }
  }
  return doc;
}

export function readSeed(name: string): SeedDocument {
  const text = readFileSync(seedsDir + name, 'utf8');
  return name === SEED_OLD ? readOld(text) : read2015(text);
}

/** The app base path of every seed URL is `/{org_name}/{app_name}`; this is the rest. */
export function pathAfterApp(url: URL): string {
  return '/' + url.pathname.split('/').slice(3).join('/');
}
