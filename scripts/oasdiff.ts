// oasdiff, the pinned Go tool behind `npm run diff`, built once into node_modules/.cache and run
// from there. `go run pkg@version` rebuilt it per run: on a machine with a cold Go cache every
// run compiled it (a minute of two cores), and the diff tests, which run several diffs side by
// side, compiled it five times over and timed out after 300 s on a fresh clone.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const OASDIFF = 'github.com/oasdiff/oasdiff@v1.38.0';
export const OASDIFF_VERSION = OASDIFF.split('@')[1]!;

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const cache = join(root, 'node_modules/.cache/go-tools');
const binary = join(cache, `oasdiff-${OASDIFF_VERSION}`);

/**
 * The path of the pinned oasdiff binary, built with `go install` on first use. Asynchronous, so
 * that a test worker waiting on the build keeps answering its runner.
 */
export async function ensureOasdiff(): Promise<string> {
  if (existsSync(binary)) return binary;
  // Built into a directory of its own and renamed into place, so that a run started while
  // another builds never executes a half-written binary.
  console.error(`Building oasdiff ${OASDIFF_VERSION} into ${binary} (first use; a minute on a cold Go cache)…`);
  mkdirSync(cache, { recursive: true });
  const staging = mkdtempSync(join(cache, '.staging-'));
  try {
    await promisify(execFile)('go', ['install', OASDIFF], { env: { ...process.env, GOBIN: staging } });
    renameSync(join(staging, 'oasdiff'), binary);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return binary;
}
