// `easemob-contract`: opens a suite on the target, runs the packaged scenarios, prints the
// report, and always deletes the run's users. See `easemob-contract --help`.
import { contractScenarios } from '../../contract/scenarios/index.ts';
import { loadDescription } from '../../contract/description.ts';
import { listOperations } from '../../contract/operations.ts';
import { findingsOf, type Findings } from '../../contract/suite/findings.ts';
import { closeSuite, openSuite, runScenarios, type ScenarioResult } from '../../contract/suite/open-suite.ts';
import type { Suite } from '../../contract/suite/suite.ts';
import { chooseTarget } from './choose-target.ts';
import { HELP, parseOptions, UsageError, type ContractOptions } from './options.ts';
import { writeJunitReport } from './junit-file.ts';
import { createReport } from './report.ts';

function usage(message: string): number {
  process.stderr.write(`easemob-contract: ${message} (see easemob-contract --help)\n`);
  return 2;
}

async function main(argv: string[]): Promise<number> {
  let options: ContractOptions | 'help';
  let chosen;
  try {
    options = parseOptions(argv, process.env);
    if (options === 'help') {
      process.stdout.write(`${HELP}\n`);
      return 0;
    }
    chosen = await chooseTarget(options);
  } catch (error) {
    if (error instanceof UsageError) return usage(error.message);
    throw error;
  }
  const { kind, target } = chosen;
  const only = options.only;
  const scenarios = contractScenarios(kind, { destructive: target.destructive }).filter(
    (scenario) => only.length === 0 || only.some((text) => scenario.name.includes(text)),
  );
  if (scenarios.length === 0) return usage(`no scenario's name contains ${only.map((t) => JSON.stringify(t)).join(' or ')}`);

  let suite: Suite | undefined;
  const report = createReport((text) => process.stdout.write(text), () => [target.clientSecret, ...(suite?.api.secrets ?? [])]);
  if (options.list) {
    report.line(`${scenarios.length} scenarios for ${target.name}:`);
    for (const scenario of scenarios) report.line(`  ${scenario.name}`);
    return 0;
  }

  const stop = new AbortController();
  const onSignal = () => {
    report.line('stopping after this scenario; deleting the users of this run…');
    stop.abort();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const startedAt = new Date();
  const description = loadDescription();
  const operations = listOperations(description).map((op) => op.operationId);
  /**
   * Writes the --junit file, if asked for; false if it could not be written (the run then fails).
   * Without findings (the suite never opened) it holds no operation: none was checked.
   */
  const junit = (results: ScenarioResult[], findings?: Findings): boolean =>
    options.junit === undefined ||
    writeJunitReport(options.junit, {
      target: target.name,
      startedAt,
      results,
      operations: findings ? operations : [],
      violations: suite?.api.violations ?? [],
      prismViolations: findings?.prismViolations ?? [],
      missingSuccess: findings?.missingSuccess ?? [],
    }, report);
  try {
    try {
      suite = await openSuite(kind, target, description);
    } catch (error) {
      const reason = `${target.name}: ${error instanceof Error ? error.message : String(error)}`;
      report.line(`easemob-contract: ${reason}`);
      junit([{ name: 'reach the target and get its app token', passed: false, ms: Date.now() - startedAt.getTime(), error: reason }]);
      return 1;
    }
    report.line(`${scenarios.length} scenarios against ${target.name} (users of this run: ${suite.api.prefix}…)`);
    const results = await runScenarios(suite, scenarios, (result) => report.scenario(result), stop.signal);
    if (stop.signal.aborted) report.line(`stopped after ${results.length} of ${scenarios.length} scenarios`);
    const complete = results.length === scenarios.length;
    const findings = findingsOf(suite);
    const judged = only.length === 0 && complete;
    const passed = report.verdict(suite, results, findings, judged);
    const written = junit(results, { ...findings, missingSuccess: judged ? findings.missingSuccess : [] });
    return passed && complete && written ? 0 : 1;
  } finally {
    const left = suite?.api.created.size ?? 0;
    await closeSuite(suite).catch((error: unknown) => report.line(`clean-up failed: ${error instanceof Error ? error.message : String(error)}`));
    if (suite && suite.api.created.size) report.line(`could not delete ${suite.api.created.size} of ${left} users of this run: ${[...suite.api.created].join(', ')}`);
  }
}

process.exitCode = await main(process.argv.slice(2));
