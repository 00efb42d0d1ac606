// What `easemob-contract` prints: a line per scenario, the coverage table, the violations and a
// verdict. Every line passes through the client's secret redactor, given the client secret and
// every token the run was issued: an assertion that quotes an answer must not quote those.
import { createSecretRegistry } from '../../client/errors/redactor.ts';
import type { Findings } from '../../contract/suite/findings.ts';
import type { ScenarioResult } from '../../contract/suite/open-suite.ts';
import type { Suite } from '../../contract/suite/suite.ts';

export interface Report {
  /** The text with every secret of the run hidden. */
  redact(text: string): string;
  line(text: string): void;
  scenario(result: ScenarioResult): void;
  /** Prints the table, the violations and the verdict; returns whether the run passed. */
  verdict(suite: Suite, results: ScenarioResult[], findings: Findings, judgeCoverage: boolean): boolean;
}

export function createReport(write: (text: string) => void, secrets: () => Iterable<string>): Report {
  const registry = createSecretRegistry();
  // Passed whole at every call, not remembered: the registry keeps only its latest few secrets
  // (right for a long-lived client), and a run is issued many tokens after its client secret.
  const redact = (text: string) => registry.redact(text, [...secrets()]);
  const line = (text: string) => write(`${redact(text)}\n`);
  return {
    redact,
    line,
    scenario(result) {
      line(`  ${result.passed ? '✓' : '✗'} ${result.name} (${Math.round(result.ms)} ms)`);
      // What failed, in short: an assertion may quote a whole answer.
      // Hidden before it is cut: a cut could leave a secret's first characters too short to recognise.
      const quoted = redact(result.error ?? '').split('\n').filter(Boolean);
      for (const text of quoted.slice(0, 12)) line(`      ${text.length > 400 ? `${text.slice(0, 400)}…` : text}`);
      if (quoted.length > 12) line(`      … ${quoted.length - 12} more lines`);
    },
    verdict(suite, results, findings, judgeCoverage) {
      const failed = results.filter((r) => !r.passed);
      line('');
      line(`${suite.target.name}: operation × status exercised (· documented, not seen)`);
      line(suite.coverage.table());
      line('');
      line(findings.violations.length ? `Violations of the description (${findings.violations.length}):` : 'Violations of the description: none');
      for (const violation of findings.violations) line(`  ${violation}`);
      for (const reported of findings.prismViolations) line(`  reported by Prism: ${reported}`);
      const missing = judgeCoverage ? findings.missingSuccess : [];
      if (missing.length) line(`Operations never answered with success: ${missing.join(', ')}`);
      if (failed.length) {
        line(`Failed scenarios (${failed.length}):`);
        for (const result of failed) line(`  ${result.name}`);
      }
      const passed = failed.length === 0 && findings.violations.length === 0 && findings.prismViolations.length === 0 && missing.length === 0;
      line(
        `${passed ? 'PASSED' : 'FAILED'}: ${results.length - failed.length} of ${results.length} scenarios passed, ` +
          `${findings.violations.length + findings.prismViolations.length} violations` +
          (missing.length ? `, ${missing.length} operations without a success answer` : ''),
      );
      return passed;
    },
  };
}
