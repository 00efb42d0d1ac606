// The request and response validators other teams' contract tests are built on hold the contract
// suite's exchanges with a sandbox against the description the sandbox serves: readings of the
// description by other hands, over every operation and status the suite provokes. Our own checker
// (src/contract) holds the same exchanges; where a validator and it disagree, one of them is wrong.
// - openapi-core (PyPI): Python teams' (its Flask, Django, FastAPI, requests and Werkzeug
//   integrations); openapi-core-check.py.
// - kin-openapi's openapi3filter (Go proxy): Go services' and tests' (oapi-codegen's validation
//   middleware); kin-openapi-check/main.go.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractScenarios } from '../../src/contract/scenarios/index.ts';
import { findingsOf } from '../../src/contract/suite/findings.ts';
import { closeSuite, openSuite, runScenarios } from '../../src/contract/suite/open-suite.ts';
import { sandboxControl } from '../../src/contract/suite/target.ts';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.ts';
import { startCheckingProxy, type CheckingProxy, type RecordedExchange } from '../support/checking-proxy.ts';
import { pinnedPython } from '../support/python.ts';
import { projectRoot } from '../support/servers.ts';
import { SANDBOX_APP } from './support/target.ts';

interface Report {
  exchanges: number;
  requestsValidated: number;
  failures: { exchange: string; side: 'request' | 'response'; reasons: string[] }[];
  alteredRefused: Record<string, boolean>;
}

let sandbox: Sandbox;
let proxy: CheckingProxy;
let dir: string;
const exchanges: RecordedExchange[] = [];
const reports: Record<string, Report> = {};
let scenariosFailed: string[] = [];
let ourViolations: unknown[] = [];
let held: RecordedExchange[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'easemob-validators-'));
  const python = pinnedPython(); // installs beside the run on a fresh clone
  sandbox = await startSandbox({ port: 0, host: '127.0.0.1', apps: [SANDBOX_APP], rateLimit: 'off' });
  const app = sandbox.apps[0]!;
  proxy = await startCheckingProxy(app.baseUrl, { onExchange: (exchange) => exchanges.push(exchange) });
  const suite = await openSuite('sandbox', {
    name: 'sandbox, through a recording proxy',
    baseUrl: proxy.baseUrl,
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    sandbox: sandboxControl(app.baseUrl),
    destructive: true,
    callsPerSecond: 1_000_000,
    stop: async () => {},
  });
  try {
    const results = await runScenarios(suite, contractScenarios('sandbox', { destructive: true }));
    scenariosFailed = results.filter((r) => !r.passed).map((r) => `${r.name}: ${r.error}`);
    ourViolations = findingsOf(suite).violations;
  } finally {
    await closeSuite(suite);
  }
  // Two kinds of exchange are no operation of the description, and the validators find none for
  // them: CORS preflights (OPTIONS; the description says in prose how the service answers
  // browsers), and requests to an app this sandbox does not serve (the suite's wrong-app cases:
  // the served description's servers are this sandbox's apps and production's).
  held = exchanges.filter((e) => e.method !== 'OPTIONS' && e.url.startsWith(`${proxy.baseUrl}/`));
  // A request the service carried out is one the description must accept; the suite's refused
  // requests are often invalid on purpose.
  const file = join(dir, 'exchanges.json');
  writeFileSync(file, JSON.stringify(held.map((e) => ({ ...e, validateRequest: e.status < 300 }))));
  const descriptionUrl = `${new URL(proxy.baseUrl).origin}/openapi.json`;
  const run = promisify(execFile);
  const [openapiCore, kinOpenapi] = await Promise.all([
    run(await python, [join(projectRoot, 'test/contract/openapi-core-check.py'), descriptionUrl, file], { maxBuffer: 1 << 26 }),
    run('go', ['run', '.', descriptionUrl, file], { cwd: join(projectRoot, 'test/contract/kin-openapi-check'), maxBuffer: 1 << 26 }),
  ]);
  reports['openapi-core'] = JSON.parse(openapiCore.stdout) as Report;
  reports['kin-openapi'] = JSON.parse(kinOpenapi.stdout) as Report;
  for (const [name, report] of Object.entries(reports)) {
    console.log(`${name}: ${report.exchanges} answers and ${report.requestsValidated} requests held, of ${exchanges.length} exchanges`);
  }
}, 120_000);

afterAll(async () => {
  await proxy?.close();
  await sandbox?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('the contract suite passed through the recording proxy, every answer held by our checker, and most exchanges go to the validators', () => {
  expect(scenariosFailed).toEqual([]);
  expect(ourViolations).toEqual([]);
  expect(held.length).toBeGreaterThan(exchanges.length * 0.9);
});

describe.each(['openapi-core', 'kin-openapi'])('%s', (name) => {
  it('read every exchange it was given', () => {
    expect(reports[name]!.exchanges).toBe(held.length);
    expect(reports[name]!.requestsValidated).toBeGreaterThan(100);
  });

  it('holds every answer, and every request the sandbox carried out, to the description', () => {
    expect(reports[name]!.failures).toEqual([]);
  });

  it('refuses a misspelt grant_type and a user whose activated is a string', () => {
    expect(reports[name]!.alteredRefused).toEqual({ 'misspelt grant_type': true, 'activated as a string': true });
  });
});
