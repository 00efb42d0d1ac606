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
const reportPath = join(reportDir, 'run.json');
let status = 1;
try {
  const app = sandbox.apps[0]!;
  const answer = await fetch(`${app.baseUrl}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: credentials.clientId, client_secret: credentials.clientSecret }),
  });
  const { access_token: token } = (await answer.json()) as { access_token: string };
  const args = [
    '--config-file', join(projectRoot, 'test/schemathesis/schemathesis.toml'),
    '--no-color',
    'run', join(projectRoot, 'generated/openapi.json'),
    '--url', app.baseUrl,
    '--header', `Authorization: Bearer ${token}`,
    '--report', 'json', '--report-json-path', reportPath,
    ...process.argv.slice(2),
  ];
  status = await new Promise<number>((resolve, reject) => {
    const child = spawn(venvBin('schemathesis'), args, { stdio: 'inherit', cwd: projectRoot });
    child.once('error', reject);
    child.once('close', (code) => resolve(code ?? 1));
  });
  status = closingLine(status);
} finally {
  await sandbox.close();
  rmSync(reportDir, { recursive: true, force: true });
}
process.exit(status);

/**
 * Schemathesis closes on a pytest-style line ("3 warnings in 36.73s") that a CI reading pytest's
 * closing lines takes for a run of no test. Print the cases as a plain closing line instead, from
 * its JSON run report: `schemathesis: N passed, N failed, N skipped` (cases run without checks
 * count as skipped, as Schemathesis itself counts them).
 */
function closingLine(exitCode: number): number {
  let cases: { generated: number; with_failures: number; without_checks: number; errored: number };
  try {
    cases = (JSON.parse(readFileSync(reportPath, 'utf8')) as { test_cases: typeof cases }).test_cases;
  } catch (error) {
    console.error(`schemathesis wrote no readable run report (${(error as Error).message})`);
    console.log('\nschemathesis: 0 passed, 1 failed');
    return 1;
  }
  const failed = cases.with_failures + cases.errored + (exitCode !== 0 && cases.with_failures + cases.errored === 0 ? 1 : 0);
  console.log(`\nschemathesis: ${cases.generated - cases.with_failures - cases.errored} passed, ${failed} failed, ${cases.without_checks} skipped`);
  return failed ? Math.max(exitCode, 1) : exitCode;
}
