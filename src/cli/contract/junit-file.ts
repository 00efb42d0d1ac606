// Writes `--junit FILE`, creating its folder (CI jobs name one such as reports/). A report that
// cannot be written is said in one line and fails the run: a CI job reading it would otherwise
// show an older file, or none, as this run's result.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { junitXml, type JunitRun } from './junit-report.ts';
import type { Report } from './report.ts';

export function writeJunitReport(file: string, run: JunitRun, report: Report): boolean {
  const path = resolve(file);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, junitXml(run, report.redact));
    report.line(`JUnit report: ${path}`);
    return true;
  } catch (error) {
    report.line(`easemob-contract: could not write the JUnit report ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    return false;
  }
}
