// The pinned Python tools (scripts/tools/requirements.txt, every dependency pinned by
// constraints.txt) live in .venv/ at the project root.
// ensurePythonTools() creates it on first use and reinstalls when the requirements change, so
// `npm run lint` and the checks work on a fresh machine with python3 and pip (PyPI only).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return;
  const python = process.env.PYTHON ?? 'python3';
  console.log(`Installing the pinned Python tools into ${venv} (${requirements})…`);
  if (!existsSync(venvBin('python'))) execFileSync(python, ['-m', 'venv', venv], { stdio: 'inherit' });
  execFileSync(venvBin('python'), ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '-r', requirements, '-c', constraints], {
    stdio: 'inherit',
  });
  writeFileSync(stamp, wanted);
}
