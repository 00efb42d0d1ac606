// `npm run build`: lint the description, bundle it, generate the TypeScript types and the
// offline docs page. generated/ is written here and nowhere else.
//
//   node scripts/build.ts                   lint, write generated/, build dist/docs/index.html
//   node scripts/build.ts --generated-only  write generated/ only (no lint, no docs); the
//                                           freshness test runs this in a copy of the sources
//   node scripts/build.ts --docs-only       build dist/docs/index.html from generated/
//   node scripts/build.ts --client-only     build the package's modules (dist/client, dist/sandbox,
//                                           dist/cli) from src/
//   node scripts/build.ts --package         what `npm pack` needs: the modules and the docs page,
//                                           emitted without type-checking (see buildPackage)
//
// Paths are relative to the working directory, which must hold redocly.yaml.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatWeight, packRedocScript, pageWeight, redocStandaloneScript } from './docs-page.ts';
import { writeRuntimeTables } from './generate-runtime-tables.ts';
import { writeOpenApi30 } from './openapi-3.0.ts';
import { TSC_7 } from './typescript-compilers.ts';

const toolsDir = resolve(dirname(fileURLToPath(import.meta.url)), '../node_modules/.bin');
/** A tool of node_modules/.bin by name, or any tool by its absolute path. */
const toolPath = (tool: string) => resolve(toolsDir, tool);

/**
 * Drops the boxed notices Redocly CLI prints on every run (build-docs: "now renders docs with
 * Redoc 3"; version and deprecation notices): news about the tool, not about our build.
 */
export function withoutToolBanners(text: string): string {
  return text.replace(/(^[ \t]*\n)*^[ \t]*╔[\s\S]*?╚[^\n]*(\n[ \t]*(?=\n))*\n?/gm, '');
}

function run(tool: string, ...args: string[]): void {
  const result = spawnSync(toolPath(tool), args, { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  process.stderr.write(withoutToolBanners(result.stderr ?? ''));
  if (result.error) throw result.error;
  if (result.status !== 0) {
    console.error(`build: ${tool} ${args[0]} failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

/** `run`, for tools that may run side by side: each one's output is printed whole when it ends. */
function runAsync(tool: string, ...args: string[]): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(toolPath(tool), args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => err.push(Buffer.from(`${error.message}\n`)));
    child.on('close', (code, signal) => {
      process.stdout.write(Buffer.concat(out));
      process.stderr.write(withoutToolBanners(Buffer.concat(err).toString('utf8')));
      if (code !== 0) console.error(`build: ${tool} ${args[0]} failed (exit ${code ?? signal})`);
      resolve(code === 0);
    });
  });
}

function writeGenerated(): void {
  mkdirSync('generated', { recursive: true });
  run('redocly', 'bundle', 'main', '--output', 'generated/openapi.json');
  run('redocly', 'bundle', 'main', '--output', 'generated/openapi.yaml');
  writeOpenApi30();
  // Reads the API and its output path (x-openapi-ts) from redocly.yaml.
  run('openapi-typescript');
  writeRuntimeTables();
}

const LINT_SOURCES = ['redocly', 'lint'] as const;
// Spectral reads the bundle, what other teams' tools consume; .spectral.yaml points into it.
const LINT_BUNDLE = ['spectral', 'lint', 'generated/openapi.yaml', '--fail-severity', 'hint'] as const;

function lintSources(): void {
  run(...LINT_SOURCES);
}

function lintBundle(): void {
  run(...LINT_BUNDLE);
}

function buildDocs(): void {
  mkdirSync('dist/docs', { recursive: true });
  // Written under names of this process and then renamed into place: `npm pack` (prepack) and
  // `npm run docs` may rebuild the page while a test or a sandbox reads it, and must never
  // show a half-written page.
  const page = `dist/docs/index.html.${process.pid}.tmp`;
  try {
    // --inlineBundle embeds Redoc's script: the default page loads it from a CDN.
    run('redocly', 'build-docs', 'generated/openapi.json', '--output', page, '--inlineBundle');
    // Redoc's script is most of the page: shipped gzip-packed (scripts/docs-page.ts).
    const html = packRedocScript(readFileSync(page, 'utf8'), redocStandaloneScript());
    writeFileSync(page, html);
    renameSync(page, 'dist/docs/index.html');
    // On stderr, like the tools' own reports: `npm pack --json` (prepack) keeps stdout for its JSON.
    console.error(`docs page: dist/docs/index.html with Redoc's script packed, ${formatWeight(pageWeight(html))}`);
  } finally {
    rmSync(page, { force: true });
  }
}

/**
 * `checked: false` emits without type-checking (tsc --noCheck; the same files, byte for byte):
 * for `npm pack`, whose sources `npm run typecheck` checks already, in `npm test` beside the
 * package test that packs, and before a publish (prepublishOnly). Checking them again here was
 * half of the emit's time, on the package test's critical path.
 */
function buildPackage(checked = true): void {
  // Emptied first so a deleted source file leaves no stale module in the package.
  for (const dir of ['dist/client', 'dist/cli', 'dist/sandbox', 'dist/contract']) rmSync(dir, { recursive: true, force: true });
  run(TSC_7, '-p', 'tsconfig.build.json', ...(checked ? [] : ['--noCheck']));
}

const mode = process.argv[1] === fileURLToPath(import.meta.url) ? process.argv[2] : 'imported';
if (mode === '--generated-only') writeGenerated();
else if (mode === '--docs-only') buildDocs();
else if (mode === '--client-only') buildPackage();
else if (mode === '--package') {
  // `npm pack` (prepack): the modules, and the docs page the sandbox serves at /docs.
  buildDocs();
  buildPackage(false);
}
else if (mode === '--lint-only') {
  // Side by side (issue 10): the sources and the committed bundle are linted independently.
  const passed = await Promise.all([runAsync(...LINT_SOURCES), runAsync(...LINT_BUNDLE)]);
  if (passed.includes(false)) process.exit(1);
} else if (mode !== 'imported') {
  lintSources();
  writeGenerated();
  lintBundle();
  buildDocs();
  buildPackage();
}
