// The docs page (/docs, built offline by `npm run docs`). Read on first request and kept, with a
// gzip copy for clients that accept it: the docs page is 2.6 MB as a file (Redoc's script
// inlined) and about 0.7 MB compressed. The description is served by served-description.ts.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const root = new URL('../../', import.meta.url);

// A Map: every GET asks, with a path that is mostly not here, and a miss on an object's keys
// costs more (the path is looked up among the engine's interned strings).
const files = new Map<string, { type: string; file: string }>([['/docs', { type: 'text/html; charset=utf-8', file: 'dist/docs/index.html' }]]);

const cache = new Map<string, { plain: Buffer; gzip: Buffer }>();

export const DOCS_PAGE = new URL(files.get('/docs')!.file, root);

export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  return (acceptEncoding ?? '').split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    return coding === 'gzip' && !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p));
  });
}

/** The file served at a path: its content type and bytes (gzip-encoded when accepted); or undefined. */
export function staticFile(path: string, acceptEncoding: string | undefined): { type: string; content: Buffer; encoding?: 'gzip' } | undefined {
  const entry = files.get(path.endsWith('/') ? path.slice(0, -1) : path);
  if (!entry) return undefined;
  let cached = cache.get(entry.file);
  if (!cached) {
    try {
      const plain = readFileSync(new URL(entry.file, root));
      cached = { plain, gzip: gzipSync(plain) };
    } catch {
      return undefined;
    }
    cache.set(entry.file, cached);
  }
  return acceptsGzip(acceptEncoding) ? { type: entry.type, content: cached.gzip, encoding: 'gzip' } : { type: entry.type, content: cached.plain };
}
