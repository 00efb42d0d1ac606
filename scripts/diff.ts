// `npm run diff`: what changed in the description since the last release (baseline/openapi.json),
// by oasdiff (Go, pinned and built by scripts/oasdiff.ts; it understands OpenAPI 3.1 through kin-openapi).
// Breaking changes are split by who they break:
//   callers: code that sends requests (a removed operation or parameter, a new required request
//            field, a narrower request type, a renamed operationId)
//   readers: code that reads answers (a removed or retyped response field, a removed status)
// Exit 1 on a breaking change unless the release says so: `info.version` differs from the
// baseline's, and CHANGELOG.md has a `## <that version>` section with a `### Breaking` heading.
//
//   node scripts/diff.ts [--base <file>] [--revision <file>] [--changelog <file>]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureOasdiff, OASDIFF_VERSION } from './oasdiff.ts';

const { values } = parseArgs({
  options: {
    base: { type: 'string', default: 'baseline/openapi.json' },
    revision: { type: 'string', default: 'generated/openapi.json' },
    changelog: { type: 'string', default: 'CHANGELOG.md' },
  },
});
const base = resolve(values.base);
const revision = resolve(values.revision);

interface Change {
  id: string;
  text: string;
  /** oasdiff: 1 info, 2 warning (may break), 3 error (breaks). */
  level: number;
  operation?: string;
  path?: string;
}

const output = execFileSync(await ensureOasdiff(), ['changelog', base, revision, '--format', 'json'], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
  maxBuffer: 64 * 1024 * 1024,
});
const changes = (output.trim() ? JSON.parse(output) : []) as Change[];

/** Response-side checks break code that reads answers; every other breaking check breaks callers. */
const breaksReaders = (c: Change) => /response/.test(c.id);
// oasdiff rates a retyped response field a warning (level 2); for this description it breaks
// readers (typed clients decode into the old type), as does anything oasdiff calls removed.
const retypedOrRemoved = (c: Change) => c.level === 2 && /type-changed|format-changed|removed/.test(c.id);
// oasdiff rates a changed operationId as compatible (the HTTP exchange is the same), but other
// teams' generators name methods after it: their calls stop compiling.
const renamesGeneratedCalls = (c: Change) => c.id === 'api-operation-id-removed';
const breaking = changes.filter((c) => c.level >= 3 || retypedOrRemoved(c) || renamesGeneratedCalls(c));
const callers = breaking.filter((c) => !breaksReaders(c));
const readers = breaking.filter(breaksReaders);
const mayBreak = changes.filter((c) => c.level === 2 && !retypedOrRemoved(c));
const compatible = changes.filter((c) => c.level <= 1 && !renamesGeneratedCalls(c));

const line = (c: Change) => `  - ${c.operation ?? ''} ${c.path ?? ''}: ${c.text} [${c.id}]`.replace(/ {2,}:/, ':');
function section(title: string, list: Change[]): void {
  console.log(`${title} (${list.length})`);
  for (const c of list) console.log(line(c));
}

const version = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { info: { version: string } }).info.version;
const baseVersion = version(base);
const revisionVersion = version(revision);
console.log(`${values.base} (${baseVersion}) → ${values.revision} (${revisionVersion}), by oasdiff ${OASDIFF_VERSION}`);
section('Breaks callers (requests)', callers);
section('Breaks readers (responses)', readers);
section('May break (oasdiff warnings)', mayBreak);
section('Compatible', compatible);

if (breaking.length) {
  let changelog = '';
  try {
    changelog = readFileSync(resolve(values.changelog), 'utf8');
  } catch {
    // no changelog: the check below fails with a clear message
  }
  const escaped = revisionVersion.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const entry = new RegExp(`^## \\[?${escaped}\\]?[^\\n]*\\n([\\s\\S]*?)(?=^## |(?![\\s\\S]))`, 'm').exec(changelog);
  const declared = revisionVersion !== baseVersion && entry !== null && /^### Breaking/m.test(entry[1] ?? '');
  if (!declared) {
    console.error(
      `\n✘ ${breaking.length} breaking change(s). Release them on purpose: set a new info.version ` +
        `(now ${revisionVersion}, released ${baseVersion}) and list them under "### Breaking" in its ` +
        `"## ${revisionVersion === baseVersion ? '<new version>' : revisionVersion}" section of ${values.changelog}.`,
    );
    process.exit(1);
  }
  console.log(`\n✔ breaking changes declared: info.version ${revisionVersion} and its ### Breaking section in ${values.changelog}`);
} else {
  console.log('\n✔ nothing breaks callers or readers');
}
