// `easemob-contract --junit FILE`: the run as JUnit XML, the report CI systems show per test
// (GitLab's `artifacts:reports:junit`, Jenkins' JUnit step, GitHub's test-report actions). Two
// suites: the scenarios, one test case each; and the description, one test case per operation
// (its answers broke no schema, and it was answered with success once), so a CI page names the
// operation that broke. Written by hand rather than with a library: it is one fixed shape, and
// what matters is what libraries leave to the caller, text that XML cannot hold. Answers quoted
// in a failure are the target's bytes: control characters (a terminal colour, a NUL) are not
// allowed in XML 1.0, and a report holding one is refused by the parsers these systems use.
import type { Violation } from '../../contract/check-exchange.ts';
import { formatViolation } from '../../contract/check-exchange.ts';
import type { ScenarioResult } from '../../contract/suite/open-suite.ts';

export interface JunitRun {
  /** The target, as the report names it ("sandbox http://…"). */
  target: string;
  startedAt: Date;
  results: ScenarioResult[];
  /** Every operationId of the description, in its order. */
  operations: string[];
  violations: Violation[];
  prismViolations: string[];
  /** Operations never answered with success, when the run judges that (a whole run), else []. */
  missingSuccess: string[];
}

interface Case {
  name: string;
  seconds?: number;
  failure?: { message: string; text: string };
}

/** The XML, every text passed through `redact` (secrets) before it is escaped. */
export function junitXml(run: JunitRun, redact: (text: string) => string): string {
  const scenarios: Case[] = run.results.map((result) => ({
    name: result.name,
    seconds: result.ms / 1000,
    ...(!result.passed && { failure: { message: firstLine(result.error ?? 'failed'), text: result.error ?? '' } }),
  }));

  const byOperation = new Map<string, string[]>(run.operations.map((id) => [id, []]));
  const unmatched: string[] = [];
  for (const violation of run.violations) (byOperation.get(violation.operation) ?? unmatched).push(formatViolation(violation));
  const description: Case[] = [...byOperation].map(([id, found]) => {
    const problems = [...found, ...(run.missingSuccess.includes(id) ? [`${id} was never answered with success`] : [])];
    return { name: id, ...(problems.length && { failure: { message: firstLine(problems[0]!), text: problems.join('\n') } }) };
  });
  // Answers no operation of the description matches, and what Prism's proxy reported.
  if (unmatched.length) description.push({ name: 'requests that match no operation', failure: { message: firstLine(unmatched[0]!), text: unmatched.join('\n') } });
  if (run.prismViolations.length) {
    description.push({ name: "Prism's proxy", failure: { message: firstLine(run.prismViolations[0]!), text: run.prismViolations.join('\n') } });
  }

  const text = (value: string) => escape(redact(value));
  const suite = (name: string, cases: Case[]) => {
    const failures = cases.filter((c) => c.failure).length;
    const seconds = cases.reduce((total, c) => total + (c.seconds ?? 0), 0);
    const classname = `easemob-contract.${name}`;
    return [
      `  <testsuite name="${text(`${name}: ${run.target}`)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0" time="${seconds.toFixed(3)}" timestamp="${run.startedAt.toISOString().slice(0, 19)}">`,
      ...cases.map((c) => {
        const open = `    <testcase classname="${classname}" name="${text(c.name)}" time="${(c.seconds ?? 0).toFixed(3)}"`;
        if (!c.failure) return `${open}/>`;
        return `${open}>\n      <failure message="${text(c.failure.message)}" type="AssertionError">${text(c.failure.text)}</failure>\n    </testcase>`;
      }),
      '  </testsuite>',
    ].join('\n');
  };
  const all = [...scenarios, ...description];
  const failures = all.filter((c) => c.failure).length;
  const seconds = scenarios.reduce((total, c) => total + (c.seconds ?? 0), 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="easemob-contract" tests="${all.length}" failures="${failures}" errors="0" time="${seconds.toFixed(3)}">`,
    suite('scenarios', scenarios),
    suite('description', description),
    '</testsuites>',
    '',
  ].join('\n');
}

function firstLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim() !== '') ?? text;
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

// XML 1.0 allows tab, newline, carriage return and U+0020 up, less the surrogates (a lone one
// cannot be written as UTF-8) and U+FFFE, U+FFFF. Anything else is shown as its code point.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function escape(value: string): string {
  return value
    .replace(NOT_XML, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;');
}
