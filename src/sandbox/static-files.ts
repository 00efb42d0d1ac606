// The docs page (/docs, built offline by `npm run docs`). Read on first request and kept, with a
// gzip copy for clients that accept it: the docs page is 2.6 MB as a file (Redoc's script
// inlined) and about 0.7 MB compressed. The description is served by served-description.ts.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const root = new URL('../../', import.meta.url);

// A Map: every GET asks, with a path that is mostly not here, and a miss on an object's keys
// costs more (the path is looked up among the engine's interned strings).
const files = new Map<string, { type: string; file: string }>([['/docs', { type: 'text/html; charset=utf-8', file: 'dist/docs/index.html' }]]);

/** A body kept in memory with its gzip copy. */
export interface Kept {
  plain: Buffer;
  gzip: Buffer;
}

/** What the sandbox answers a GET of a file with: its content type and bytes, gzip-encoded when accepted. */
export interface ServedFile {
  type: string;
  content: Buffer;
  encoding?: 'gzip';
}

export function keep(plain: Buffer): Kept {
  return { plain, gzip: gzipSync(plain) };
}

export function servedAs(type: string, kept: Kept, acceptEncoding: string | undefined): ServedFile {
  return acceptsGzip(acceptEncoding) ? { type, content: kept.gzip, encoding: 'gzip' } : { type, content: kept.plain };
}

const cache = new Map<string, Kept>();

export const DOCS_PAGE = new URL(files.get('/docs')!.file, root);

function acceptsGzip(acceptEncoding: string | undefined): boolean {
  return (acceptEncoding ?? '').split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    return coding === 'gzip' && !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p));
  });
}

/** The file served at a path (without a trailing slash), or undefined. */
export function staticFile(path: string, acceptEncoding: string | undefined): ServedFile | undefined {
  const entry = files.get(path);
  if (!entry) return undefined;
  let cached = cache.get(entry.file);
  if (!cached) {
    try {
      const plain = readFileSync(new URL(entry.file, root));
      cached = keep(plain);
    } catch {
      return undefined;
    }
    cache.set(entry.file, cached);
  }
  return servedAs(entry.type, cached, acceptEncoding);
}
