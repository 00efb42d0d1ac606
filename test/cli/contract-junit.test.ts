// easemob-contract's JUnit report (src/cli/contract/junit-report.ts), read back by junitparser
// as CI systems read it. The whole command writes it in test/cli/easemob-contract.test.ts.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { junitXml, type JunitRun } from '../../src/cli/contract/junit-report.ts';
import { readJunit } from '../support/read-junit.ts';

const dir = mkdtempSync(join(tmpdir(), 'contract-junit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TOKEN = 'YWMt-token-of-the-run-0123456789';
// What a target may put in an answer that a failure then quotes: a NUL, a terminal colour, XML's
// own markup, a lone surrogate and a non-character; and a token.
const QUOTED = `\u0000\u001b[31mred\u001b[0m <b>&amp;</b> "q" ]]> \uD800 \uFFFF ${TOKEN}`;

const run: JunitRun = {
  target: 'sandbox http://127.0.0.1:1/o/a',
  startedAt: new Date('2026-12-07T08:00:00Z'),
  results: [
    { name: 'getToken: client credentials give a token', passed: true, ms: 12 },
    { name: 'users: create → get', passed: false, ms: 30, error: `expected the answer to be 200:\n${QUOTED}` },
  ],
  operations: ['createUsers', 'getUser', 'deleteUser'],
  violations: [
    { operation: 'getUser', status: 200, pointer: '/entities/0/created', reason: 'must be integer' },
    { operation: 'GET /nothing', status: 404, pointer: '', reason: 'no operation matches' },
  ],
  prismViolations: [`response body: ${QUOTED}`],
  missingSuccess: ['deleteUser'],
};

describe("easemob-contract's JUnit report", () => {
  it('is read by junitparser: a case per scenario and per operation, failures with their text, nothing XML cannot hold, no secret', { timeout: 300_000 }, async () => {
    const file = join(dir, 'report.xml');
    writeFileSync(file, junitXml(run, (text) => text.replaceAll(TOKEN, '[redacted]')));
    const report = await readJunit(file);

    const [scenarios, description] = report.suites;
    expect(report.suites).toHaveLength(2);
    expect(scenarios!.cases.map((c) => [c.name, c.passed, c.time])).toEqual([
      ['getToken: client credentials give a token', true, 0.012],
      ['users: create → get', false, 0.03],
    ]);
    const failed = scenarios!.cases[1]!;
    expect(failed.message).toBe('expected the answer to be 200:');
    // Each character XML cannot hold is shown as its code point; markup comes back as it was.
    expect(failed.text).toBe('expected the answer to be 200:\n\\u{0}\\u{1b}[31mred\\u{1b}[0m <b>&amp;</b> "q" ]]> \\u{d800} \\u{ffff} [redacted]');

    expect(description!.cases.map((c) => [c.name, c.passed])).toEqual([
      ['createUsers', true],
      ['getUser', false],
      ['deleteUser', false],
      ['requests that match no operation', false],
      ["Prism's proxy", false],
    ]);
    expect(description!.cases[1]!.message).toBe('getUser 200 at /entities/0/created: must be integer');
    expect(description!.cases[2]!.text).toBe('deleteUser was never answered with success');
    expect([report.tests, report.failures]).toEqual([7, 5]);
    expect(readFileSync(file, 'utf8')).not.toContain(TOKEN);
  });
});
