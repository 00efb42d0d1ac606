// `npm run test:schemathesis`: Schemathesis (PyPI, pinned in scripts/tools/requirements.txt)
// against a sandbox started for it on 127.0.0.1:0 and always stopped (issue 12). Every check,
// the description's links followed in the stateful phase, a fixed seed and bounded examples so
// the run repeats. What is configured, and why, is in test/schemathesis/schemathesis.toml.
//
//   npm run test:schemathesis [-- <more schemathesis options>]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensurePythonTools, venvBin } from '../../scripts/python-tools.ts';
import { startSandbox } from '../../src/sandbox/index.ts';
import { projectRoot } from '../support/servers.ts';

ensurePythonTools();
const credentials = { clientId: 'schemathesis', clientSecret: 'schemathesis-secret' };
const sandbox = await startSandbox({
  host: '127.0.0.1',
  port: 0,
  rateLimit: 'off',
  apps: [{ org: 'schemathesis', app: 'run', ...credentials }],
});
const reportDir = mkdtempSync(join(tmpdir(), 'schemathesis-'));
// DELETE /users deletes the oldest users, the fixed ones of schemathesis.toml first, and every
// contact and block operation would then only meet 404s. So it runs in a pass of its own, after
// the pass over every other operation.
// A pass with a user token (st-owner's) holds the operations a user token may call, and the 401s
// of the rest, to the same checks: no input, whoever sends it, gets a 5xx or an undocumented answer.
// The first pass loads the description from the sandbox's URL with no --url, as a team runs
// `st run http://127.0.0.1:4000/openapi.json` against its own: Schemathesis then takes the base
// URL from the description's first server, which the sandbox makes itself (until it did, that
// was the production host, a1.easemob.com). The others read the bundle and are given the URL.
const passes = [
  { name: 'every operation but deleteUsers, the description read from the sandbox', token: 'app', fromSandbox: true, filter: ['--exclude-operation-id', 'deleteUsers'] },
  { name: "every operation but deleteUsers, with st-owner's user token", token: 'user', filter: ['--exclude-operation-id', 'deleteUsers'] },
  // No link leads to or from it: the stateful phase has nothing to run there.
  { name: 'deleteUsers', token: 'app', filter: ['--include-operation-id', 'deleteUsers', '--phases', 'examples,coverage,fuzzing'] },
] as const;
const results: PassResult[] = [];
try {
  const app = sandbox.apps[0]!;
  const answer = await fetch(`${app.baseUrl}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: credentials.clientId, client_secret: credentials.clientSecret }),
  });
  const { access_token: token } = (await answer.json()) as { access_token: string };
  // The users schemathesis.toml fixes for the owner, friend and blocked path parameters.
  const registered = await fetch(`${app.baseUrl}/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(['st-owner', 'st-friend', 'st-blocked'].map((username) => ({ username, password: `${username}-password` }))),
  });
  if (!registered.ok) throw new Error(`registering the fixed users answered ${registered.status}`);
  // Logged in just before its pass: the pass before may have reset st-owner's password (which
  // revokes its tokens) or deactivated it, so the app token first puts both back.
  const userToken = async (): Promise<string> => {
    const admin = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    await fetch(`${app.baseUrl}/users/st-owner/password`, { method: 'PUT', headers: admin, body: JSON.stringify({ newpassword: 'st-owner-password' }) });
    await fetch(`${app.baseUrl}/users/st-owner/activate`, { method: 'POST', headers: admin });
    const login = await fetch(`${app.baseUrl}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'password', username: 'st-owner', password: 'st-owner-password' }),
    });
    if (!login.ok) throw new Error(`logging st-owner in answered ${login.status} ${await login.text()}`);
    return ((await login.json()) as { access_token: string }).access_token;
  };
  for (const [i, pass] of passes.entries()) {
    const reportPath = join(reportDir, `pass-${i}.json`);
    console.log(`\n── Schemathesis: ${pass.name} ──`);
    const args = [
      '--config-file', join(projectRoot, 'test/schemathesis/schemathesis.toml'),
      '--no-color',
      'run',
      ...('fromSandbox' in pass ? [`${sandbox.url}/openapi.json`] : [join(projectRoot, 'generated/openapi.json'), '--url', app.baseUrl]),
      '--header', `Authorization: Bearer ${pass.token === 'user' ? await userToken() : token}`,
      '--report', 'json', '--report-json-path', reportPath,
      ...pass.filter,
      ...process.argv.slice(2),
    ];
    const exitCode = await new Promise<number>((resolve, reject) => {
      const child = spawn(venvBin('schemathesis'), args, { stdio: 'inherit', cwd: projectRoot });
      child.once('error', reject);
      child.once('close', (code) => resolve(code ?? 1));
    });
    results.push(readPass(reportPath, exitCode));
  }
} finally {
  await sandbox.close();
  rmSync(reportDir, { recursive: true, force: true });
}
process.exit(closingLine(results));

interface PassResult {
  passed: number;
  failed: number;
  skipped: number;
}

/** A pass's cases from its JSON run report; cases run without checks are skipped, as Schemathesis counts them. */
function readPass(reportPath: string, exitCode: number): PassResult {
  let cases: { generated: number; with_failures: number; without_checks: number; errored: number };
  try {
    cases = (JSON.parse(readFileSync(reportPath, 'utf8')) as { test_cases: typeof cases }).test_cases;
  } catch (error) {
    console.error(`schemathesis wrote no readable run report (${(error as Error).message})`);
    return { passed: 0, failed: 1, skipped: 0 };
  }
  const failures = cases.with_failures + cases.errored;
  // An exit code that says failure with no failing case counted is still a failure.
  return { passed: cases.generated - failures, failed: failures || (exitCode !== 0 ? 1 : 0), skipped: cases.without_checks };
}

/**
 * Schemathesis closes on a pytest-style line ("3 warnings in 36.73s") that a CI reading pytest's
 * closing lines takes for a run of no test. Print the cases of both passes as a plain closing
 * line instead: `schemathesis: N passed, N failed, N skipped`; exit 1 on any failure.
 */
function closingLine(passResults: PassResult[]): number {
  const total = { passed: 0, failed: passes.length - passResults.length, skipped: 0 };
  for (const r of passResults) {
    total.passed += r.passed;
    total.failed += r.failed;
    total.skipped += r.skipped;
  }
  console.log(`\nschemathesis: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  return total.failed ? 1 : 0;
}
