// The docs page's weight. `redocly build-docs --inlineBundle` embeds Redoc 3's standalone script
// as text: 2.29 MB of the page's 2.6 MB (React, styled-components, markdown-it, Markdoc, GraphQL
// and AsyncAPI renderers, search: one minified bundle, nothing in it twice, no source map). No
// build-docs option leaves any of it out, and it cannot be cut without rebuilding Redoc. What can
// be done honestly is to ship it compressed: the page carries the very same script gzip-packed
// (base64), and the browser unpacks it with its own DecompressionStream and imports it as the
// module it is. The page stays one file that works offline (from disk or from a server); what a
// server sends compressed hardly changes, since gzip of the text and base64 of the gzip weigh
// about the same.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The goal for the page on disk, and so for what the package ships and a browser opens. */
export const DOCS_PAGE_BUDGET_BYTES = 1.5 * 1024 * 1024;

/** The script build-docs inlines: the file beside its own code in @redocly/cli. */
export function redocStandaloneScript(): string {
  const cli = createRequire(import.meta.url).resolve('@redocly/cli/package.json');
  return readFileSync(join(dirname(cli), 'lib/chunks/redoc.standalone.js'), 'utf8');
}

/**
 * Replaces the inlined Redoc script in a page built by build-docs with the same script,
 * gzip-packed, unpacked by the browser before it hydrates. Fails when the page does not hold
 * the script exactly once (a new @redocly/cli that inlines it differently): better no build
 * than a page that does not load.
 */
export function packRedocScript(html: string, script: string): string {
  // build-docs escapes `</script` inside the inlined code; so must the search.
  const inlined = script.replace(/<\/(script)/gi, '<\\/$1');
  const at = html.indexOf(inlined);
  if (at === -1 || html.indexOf(inlined, at + 1) !== -1) {
    throw new Error('docs page: Redoc\'s standalone script is not inlined once in the built page (did @redocly/cli change how build-docs inlines it?)');
  }
  // build-docs calls hydrate() in the same module script, after the inlined code.
  if (!/^const\{[^}]*\bhydrate\b[^}]*\}=/m.test(script) || !/export\{[^}]*\bhydrate\b[^}]*\};?\s*$/.test(script)) {
    throw new Error('docs page: Redoc\'s standalone script no longer declares and exports `hydrate`');
  }
  const licence = /^\/\*\*[\s\S]*?\*\*\//.exec(script)?.[0] ?? '';
  const packed = gzipSync(script, { level: 9 }).toString('base64');
  const unpack = [
    licence,
    '// Redoc\'s standalone script, gzip-packed to keep the page light; unpacked here and imported as the module it is.',
    `const { hydrate } = await (async (packed) => {`,
    `  const bytes = Uint8Array.from(atob(packed), (c) => c.charCodeAt(0));`,
    `  const source = await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).blob();`,
    `  return import(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));`,
    `})("${packed}");`,
  ].join('\n');
  return html.slice(0, at) + unpack + html.slice(at + inlined.length);
}

export interface PageWeight {
  bytes: number;
  gzipBytes: number;
}

export function pageWeight(html: string | Buffer): PageWeight {
  return { bytes: Buffer.byteLength(html), gzipBytes: gzipSync(html).length };
}

export function formatWeight({ bytes, gzipBytes }: PageWeight): string {
  const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(2)} MB`;
  return `${mb(bytes)} on disk, ${mb(gzipBytes)} gzip (budget ${mb(DOCS_PAGE_BUDGET_BYTES)})`;
}
