// A suite opened on a target: the description, a coverage table, the checked API with its
// run prefix and throttle, and an app token (so a target that refuses the credentials fails
// before any scenario). Closing it deletes every user of the run, whatever failed meanwhile.
import { Coverage } from '../coverage.ts';
import { loadDescription, type Description } from '../description.ts';
import { Api } from './api.ts';
import type { Scenario, Suite, TargetKind } from './suite.ts';
import type { ContractTarget } from './target.ts';

export async function openSuite(kind: TargetKind, target: ContractTarget, description: Description = loadDescription()): Promise<Suite> {
  const coverage = new Coverage(description);
  const suite: Suite = { kind, target, api: new Api(target, description, coverage), description, coverage };
  await suite.api.token();
  return suite;
}

export async function closeSuite(suite: Suite | undefined): Promise<void> {
  try {
    await suite?.api.cleanUp();
  } finally {
    await suite?.target.stop();
  }
}

export interface ScenarioResult {
  name: string;
  passed: boolean;
  ms: number;
  /** What went wrong, as the error said it (the caller hides secrets before printing it). */
  error?: string;
}

/**
 * Runs the scenarios one after another (they share the run's throttle and users); never throws.
 * An aborted `signal` stops it between two scenarios, so the run can still clean up.
 */
export async function runScenarios(
  suite: Suite,
  scenarios: Scenario[],
  onResult?: (result: ScenarioResult) => void,
  signal?: AbortSignal,
): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    if (signal?.aborted) break;
    const started = performance.now();
    let result: ScenarioResult;
    try {
      await scenario.run(suite);
      result = { name: scenario.name, passed: true, ms: performance.now() - started };
    } catch (error) {
      result = { name: scenario.name, passed: false, ms: performance.now() - started, error: error instanceof Error ? error.message : String(error) };
    }
    results.push(result);
    onResult?.(result);
  }
  return results;
}
