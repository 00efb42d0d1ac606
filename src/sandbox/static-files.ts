// The docs page (/docs, built offline by `npm run docs`) and the bundled description
// (/openapi.json, /openapi.yaml). Read on first request and kept.
import { readFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);

const files: Record<string, { type: string; file: string }> = {
  '/docs': { type: 'text/html; charset=utf-8', file: 'dist/docs/index.html' },
  '/openapi.json': { type: 'application/json', file: 'generated/openapi.json' },
  '/openapi.yaml': { type: 'application/yaml', file: 'generated/openapi.yaml' },
};

const cache = new Map<string, Buffer>();

export const DOCS_PAGE = new URL(files['/docs']!.file, root);

/** The file served at a path: its content type and bytes, or undefined. */
export function staticFile(path: string): { type: string; content: Buffer } | undefined {
  const entry = files[path.replace(/\/$/, '')];
  if (!entry) return undefined;
  let content = cache.get(entry.file);
  if (!content) {
    try {
      content = readFileSync(new URL(entry.file, root));
    } catch {
      return undefined;
    }
    cache.set(entry.file, content);
  }
  return { type: entry.type, content };
}
