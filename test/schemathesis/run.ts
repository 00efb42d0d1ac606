// `npm run test:schemathesis`: Schemathesis (PyPI, pinned in scripts/tools/requirements.txt)
// against a sandbox started for it on 127.0.0.1:0 and always stopped (issue 12). Every check,
// the description's links followed in the stateful phase, a fixed seed and bounded examples so
// the run repeats. What is configured, and why, is in test/schemathesis/schemathesis.toml.
//
//   npm run test:schemathesis [-- <more schemathesis options>]
import { spawn } from 'node:child_process';
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
    ...process.argv.slice(2),
  ];
  status = await new Promise<number>((resolve, reject) => {
    const child = spawn(venvBin('schemathesis'), args, { stdio: 'inherit', cwd: projectRoot });
    child.once('error', reject);
    child.once('close', (code) => resolve(code ?? 1));
  });
} finally {
  await sandbox.close();
}
process.exit(status);
