// What `easemob-users import` says when there is nothing left to do, and when it is stopped:
// plain words, where things stand, and what to run next.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.ts';
import { projectRoot } from '../support/servers.ts';

const NODE = join(projectRoot, 'node_modules/.bin/node');
const CLI = join(projectRoot, 'src/cli/easemob-users.ts');

let sandbox: Sandbox;
let dir: string;
let requests = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'easemob-import-msg-'));
  sandbox = await startSandbox({ port: 0, rateLimit: 'off', scryptCost: 16, log: () => void requests++ });
});
afterAll(async () => {
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

function importFile(file: string, extra: string[] = [], onStderr?: (text: string, kill: (signal: NodeJS.Signals) => void) => void) {
  const app = sandbox.apps[0]!;
  const env = { ...process.env, EASEMOB_BASE_URL: app.baseUrl, EASEMOB_CLIENT_ID: app.clientId, EASEMOB_CLIENT_SECRET: app.clientSecret };
  const child = spawn(NODE, [CLI, 'import', file, ...extra], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
    onStderr?.(stderr, (signal) => child.kill(signal));
  });
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('easemob-users import, run again after it finished', () => {
  it('says the file is imported, shows the summary and the failures file, sends nothing, and tells how to start over', { timeout: 60_000 }, async () => {
    const file = join(dir, 'done.csv');
    writeFileSync(file, 'username,password\nmsg_a,p4ssw0rd\nmsg_b,p4ssw0rd\nnot legal!,p4ssw0rd\n');
    const first = await importFile(file);
    expect(first.code).toBe(1); // one record failed
    const before = requests;
    const again = await importFile(file);
    expect(requests).toBe(before);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain(`${file} was already imported completely (3 records); nothing was sent this time.`);
    expect(again.stdout).toMatch(/created:\s+2/);
    expect(again.stdout).toContain(`failures listed in ${file}.failures.csv`);
    expect(again.stdout).toContain(`easemob-users import ${file} --restart`);
    expect(again.stdout).not.toContain('resumed after');
  });
});

describe('easemob-users import, interrupted', () => {
  // Side by side (issue 10): each signal has its own file, and each run mostly waits to be stopped.
  it.concurrent.for(['SIGINT', 'SIGTERM'] as const)('on %s says in plain words what was saved and how to go on', { timeout: 60_000 }, async (signal, { expect }) => {
    const file = join(dir, `big-${signal}.csv`);
    const rows = Array.from({ length: 400 }, (_, i) => `int_${signal.toLowerCase()}_${i},p4ssw0rd`);
    writeFileSync(file, `username,password\n${rows.join('\n')}\n`);
    let sent = false;
    // Slow enough (2 batches of 10 a second) to be stopped in the middle.
    const result = await importFile(file, ['--rate', '2', '--batch-size', '10'], (_stderr, kill) => {
      if (!sent) {
        sent = true;
        setTimeout(() => kill(signal), 1500);
      }
    });
    expect(result.code).toBe(3);
    expect(result.stderr).not.toMatch(/This operation was aborted|AbortError/);
    expect(result.stderr).toContain(signal === 'SIGINT' ? 'stopped by Ctrl-C' : 'stopped by a request to stop (SIGTERM)');
    expect(result.stderr).toMatch(/\d+ records are done and saved in .*\.checkpoint\.json|no record was finished yet/);
    expect(result.stderr).toContain('Run the same command again to continue where it stopped.');
  });
});
