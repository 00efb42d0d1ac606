// The pinned Python tools (scripts/tools/requirements.txt, every dependency pinned by
// constraints.txt) live in .venv/ at the project root.
// ensurePythonTools() creates it on first use and reinstalls when the requirements change, so
// `npm run lint` and the checks work on a fresh machine with python3 and pip (PyPI only).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const requirements = join(root, 'scripts/tools/requirements.txt');
const constraints = join(root, 'scripts/tools/constraints.txt');
export const venv = join(root, '.venv');
export const venvBin = (tool: string) => join(venv, 'bin', tool);

export function ensurePythonTools(): void {
  const wanted = createHash('sha256').update(readFileSync(requirements)).update(readFileSync(constraints)).digest('hex');
  const stamp = join(venv, '.requirements.sha256');
  const current = () => existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted;
  if (current()) return;
  // `npm test` runs the validators (npm run lint) beside vitest, whose contract test reads its
  // JUnit report with junitparser: on a fresh clone both would install at once into one venv.
  // One installs; the other waits, then finds the stamp current.
  withLock(`${venv}.lock`, () => {
    if (current()) return;
    const python = process.env.PYTHON ?? 'python3';
    console.log(`Installing the pinned Python tools into ${venv} (${requirements})…`);
    if (!existsSync(venvBin('python'))) execFileSync(python, ['-m', 'venv', venv], { stdio: 'inherit' });
    execFileSync(venvBin('python'), ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '-r', requirements, '-c', constraints], {
      stdio: 'inherit',
    });
    writeFileSync(stamp, wanted);
  });
}

/** Runs `work` holding a lock between processes (a directory: mkdir either creates it or fails). */
function withLock(lock: string, work: () => void): void {
  const STALE_MS = 15 * 60_000; // longer than a cold install; a lock this old was left by a killed run
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const takenAt = statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
      if (takenAt === undefined) continue; // released meanwhile
      if (Date.now() - takenAt > STALE_MS) rmSync(lock, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
  try {
    work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
