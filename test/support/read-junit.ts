// Reads a JUnit XML report with junitparser (PyPI, pinned in scripts/tools), as CI systems'
// readers do: Python's XML parser refuses a report that is not well-formed XML 1.0.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { pinnedPython } from './python.ts';
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
  const { stdout } = await run(await pinnedPython(), [join(projectRoot, 'test/support/read-junit.py'), file], { maxBuffer: 1 << 24 });
  return JSON.parse(stdout) as JunitReport;
}
