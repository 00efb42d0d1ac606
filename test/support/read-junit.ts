// Reads a JUnit XML report with junitparser (PyPI, pinned in scripts/tools), as CI systems'
// readers do: Python's XML parser refuses a report that is not well-formed XML 1.0.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { venvBin } from '../../scripts/python-tools.ts';
import { projectRoot } from './servers.ts';

const run = promisify(execFile);

export interface JunitCase {
  classname: string;
  name: string;
  time: number;
  passed: boolean;
  message: string | null;
  text: string | null;
}
export interface JunitReport {
  tests: number;
  failures: number;
  suites: { name: string; tests: number; failures: number; cases: JunitCase[] }[];
}

export async function readJunit(file: string): Promise<JunitReport> {
  // In a child process: the first install (or the wait for `npm run lint`'s) must not block the test worker.
  await run(process.execPath, ['--input-type=module', '-e', `(await import(${JSON.stringify(join(projectRoot, 'scripts/python-tools.ts'))})).ensurePythonTools();`]);
  const { stdout } = await run(venvBin('python'), [join(projectRoot, 'test/support/read-junit.py'), file], { maxBuffer: 1 << 24 });
  return JSON.parse(stdout) as JunitReport;
}
