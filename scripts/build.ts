// `npm run build`: lint the description, bundle it, generate the TypeScript types and the
// offline docs page. generated/ is written here and nowhere else.
//
//   node scripts/build.ts                   lint, write generated/, build dist/docs/index.html
//   node scripts/build.ts --generated-only  write generated/ only (no lint, no docs); the
//                                           freshness test runs this in a copy of the sources
//   node scripts/build.ts --docs-only       build dist/docs/index.html from generated/
//   node scripts/build.ts --client-only     build the package (dist/client, dist/cli) from src/
//
// Paths are relative to the working directory, which must hold redocly.yaml.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeRuntimeTables } from './generate-runtime-tables.ts';

const toolsDir = resolve(dirname(fileURLToPath(import.meta.url)), '../node_modules/.bin');

function run(tool: string, ...args: string[]): void {
  execFileSync(join(toolsDir, tool), args, { stdio: ['ignore', 'inherit', 'inherit'] });
}

function writeGenerated(): void {
  mkdirSync('generated', { recursive: true });
  run('redocly', 'bundle', 'main', '--output', 'generated/openapi.json');
  run('redocly', 'bundle', 'main', '--output', 'generated/openapi.yaml');
  // Reads the API and its output path (x-openapi-ts) from redocly.yaml.
  run('openapi-typescript');
  writeRuntimeTables();
}

function lintSources(): void {
  run('redocly', 'lint');
}

function lintBundle(): void {
  // Spectral reads the bundle, what other teams' tools consume; .spectral.yaml points into it.
  run('spectral', 'lint', 'generated/openapi.yaml', '--fail-severity', 'hint');
}

function buildDocs(): void {
  mkdirSync('dist/docs', { recursive: true });
  // --inlineBundle embeds Redoc's script: the default page loads it from a CDN.
  run('redocly', 'build-docs', 'generated/openapi.json', '--output', 'dist/docs/index.html', '--inlineBundle');
}

function buildClient(): void {
  // Emptied first so a deleted source file leaves no stale module in the package.
  rmSync('dist/client', { recursive: true, force: true });
  rmSync('dist/cli', { recursive: true, force: true });
  run('tsc', '-p', 'tsconfig.build.json');
}

const mode = process.argv[2];
if (mode === '--generated-only') writeGenerated();
else if (mode === '--docs-only') buildDocs();
else if (mode === '--client-only') buildClient();
else if (mode === '--lint-only') {
  lintSources();
  lintBundle();
} else {
  lintSources();
  writeGenerated();
  lintBundle();
  buildDocs();
  buildClient();
}
