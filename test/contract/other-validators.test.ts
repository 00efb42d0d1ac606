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

/** What each validator's program prints: a failure names its exchange by index in the file. */
interface Report {
  failures: { index: number; exchange: string; side: 'request' | 'response' | 'route'; reasons: string[] }[];
}

type Checked = RecordedExchange & { validateRequest: boolean };

/**
 * Two exchanges changed to break the description, appended after the recorded ones: each
 * validator must refuse both, so that one that checks nothing cannot pass.
 */
function altered(recorded: Checked[]): Record<string, Checked> {
  const token = recorded.find((e) => e.url.endsWith('/token') && e.status === 200 && e.requestBody.includes('"client_credentials"'))!;
  const user = recorded.find((e) => e.method === 'GET' && e.url.includes('/users/') && e.status === 200 && e.responseBody.includes('"activated":true'))!;
  return {
    'misspelt grant_type': { ...token, requestBody: token.requestBody.replace('"client_credentials"', '"client_credential"'), validateRequest: true },
    'activated as a string': { ...user, responseBody: user.responseBody.replace('"activated":true', '"activated":"yes"') },
  };
}

let sandbox: Sandbox;
let proxy: CheckingProxy;
let dir: string;
const exchanges: RecordedExchange[] = [];
const reports: Record<string, Report> = {};
let scenariosFailed: string[] = [];
let ourViolations: unknown[] = [];
let held: Checked[] = [];
let alteredNames: string[] = [];

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
  // A request the service carried out is one the description must accept; the suite's refused
  // requests are often invalid on purpose.
  held = exchanges
    .filter((e) => e.method !== 'OPTIONS' && e.url.startsWith(`${proxy.baseUrl}/`))
    .map((e) => ({ ...e, validateRequest: e.status < 300 }));
  const alteredOnes = altered(held);
  alteredNames = Object.keys(alteredOnes);
  const file = join(dir, 'exchanges.json');
  writeFileSync(file, JSON.stringify([...held, ...Object.values(alteredOnes)]));
  const descriptionUrl = `${new URL(proxy.baseUrl).origin}/openapi.json`;
  const run = promisify(execFile);
  const [openapiCore, kinOpenapi] = await Promise.all([
    run(await python, [join(projectRoot, 'test/contract/openapi-core-check.py'), descriptionUrl, file], { maxBuffer: 1 << 26 }),
    run('go', ['run', '.', descriptionUrl, file], { cwd: join(projectRoot, 'test/contract/kin-openapi-check'), maxBuffer: 1 << 26 }),
  ]);
  reports['openapi-core'] = JSON.parse(openapiCore.stdout) as Report;
  reports['kin-openapi'] = JSON.parse(kinOpenapi.stdout) as Report;
  const requests = held.filter((e) => e.validateRequest).length;
  console.log(`openapi-core and kin-openapi: ${held.length} answers and ${requests} requests held, of ${exchanges.length} exchanges`);
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
  expect(held.filter((e) => e.validateRequest).length).toBeGreaterThan(100);
});

describe.each(['openapi-core', 'kin-openapi'])('%s', (name) => {
  it('holds every answer, and every request the sandbox carried out, to the description', () => {
    expect(reports[name]!.failures.filter((f) => f.index < held.length)).toEqual([]);
  });

  it('refuses a misspelt grant_type and a user whose activated is a string', () => {
    const refused = new Set(reports[name]!.failures.filter((f) => f.index >= held.length).map((f) => alteredNames[f.index - held.length]));
    expect(Object.fromEntries(alteredNames.map((n) => [n, refused.has(n)]))).toEqual({ 'misspelt grant_type': true, 'activated as a string': true });
  });
});
