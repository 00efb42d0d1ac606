// The pinned Python tools (scripts/tools: pytest, junitparser, …) for a test: installed on first
// use in a child process, so that the install (or the wait for `npm run lint`'s) does not block
// the test worker.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { venvBin } from '../../scripts/python-tools.ts';
import { projectRoot } from './servers.ts';

const run = promisify(execFile);

let installed: Promise<string> | undefined;

/** The venv's python, once the pinned tools are installed (checked once per test worker). */
export function pinnedPython(): Promise<string> {
  installed ??= run(process.execPath, ['--input-type=module', '-e', `(await import(${JSON.stringify(join(projectRoot, 'scripts/python-tools.ts'))})).ensurePythonTools();`]).then(
    () => venvBin('python'),
  );
  return installed;
}
