// Start-up settings (issue 10, item 4): a bad flag, variable or config key stops the sandbox with
// one line naming it and its allowed values, exit 2, instead of starting a server that answers
// 500 (a scrypt cost of 3) or 503 (a rate limit of 0) to every request.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkOptions, SandboxOptionError } from '../../src/sandbox/check-options.ts';
import { startSandbox, type SandboxOptions } from '../../src/sandbox/index.ts';
import { projectRoot } from '../support/servers.ts';

const NODE = join(projectRoot, 'node_modules/.bin/node');
const CLI = join(projectRoot, 'src/cli/sandbox.ts');
const dir = mkdtempSync(join(tmpdir(), 'sandbox-options-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runCli(args: string[], env: Record<string, string> = {}): Promise<{ status: number | null; stderr: string; stdout: string }> {
  // A port flag would win over PORT.
  const port = 'PORT' in env ? [] : ['--port', '0'];
  return new Promise((resolve) => {
    const child = spawn(NODE, [CLI, ...port, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], timeout: 20_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('close', (status) => resolve({ status, stderr, stdout }));
  });
}

function config(content: unknown): string {
  const file = join(dir, `config-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(content));
  return file;
}

// Side by side (issue 10): each case is a process of its own that starts and exits.
describe.concurrent('the sandbox command refuses a bad setting with one line, exit 2', () => {
  const cases: Array<[string, () => { args: string[]; env?: Record<string, string> }, RegExp]> = [
    ['--scrypt-cost 3', () => ({ args: ['--scrypt-cost', '3'] }), /^sandbox: --scrypt-cost must be a power of two from 16 to 65536, not 3/],
    ['--scrypt-cost 1000', () => ({ args: ['--scrypt-cost', '1000'] }), /--scrypt-cost must be a power of two/],
    ['--rate-limit 0', () => ({ args: ['--rate-limit', '0'] }), /--rate-limit must be an integer from 1 to 1000000, or "off", not 0/],
    ['PORT=x', () => ({ args: [], env: { PORT: 'x' } }), /PORT must be an integer from 0 to 65535, not "x"/],
    ['tokenTtlSeconds "abc" in the config', () => ({ args: ['--config', config({ tokenTtlSeconds: 'abc' })] }), /tokenTtlSeconds \(in .*\) must be an integer number of seconds/],
    ['tokenTtlSeconds -5 in the config', () => ({ args: ['--config', config({ tokenTtlSeconds: -5 })] }), /tokenTtlSeconds \(in .*\) must be .* not -5/],
    ['rateLimit "abc" in the config', () => ({ args: ['--config', config({ rateLimit: 'abc' })] }), /rateLimit \(in .*\) must be .*, not "abc"/],
    ['an unknown config key', () => ({ args: ['--config', config({ ratelimit: 5 })] }), /ratelimit \(in .*\) is not a setting \(allowed: host, port/],
  ];
  it.each(cases)('%s', async (_name, make, message) => {
    const { args, env } = make();
    const result = await runCli(args, env);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });
});

describe('startSandbox checks its options before listening', () => {
  const bad: Array<[string, SandboxOptions]> = [
    ['scryptCost 2', { scryptCost: 2 }],
    ['scryptCost 3', { scryptCost: 3 }],
    ['tokenTtlSeconds "abc"', { tokenTtlSeconds: 'abc' as unknown as number }],
    ['tokenTtlSeconds -5', { tokenTtlSeconds: -5 }],
    ['rateLimit 0', { rateLimit: 0 }],
    ['rateLimit "abc"', { rateLimit: 'abc' as unknown as number }],
    ['rateLimitStatus 500', { rateLimitStatus: 500 as 429 }],
    ['an app named ..', { apps: [{ org: 'o', app: '..' }] }],
    ['the same app twice', { apps: [{ org: 'o', app: 'a' }, { org: 'o', app: 'a' }] }],
    ['a timeout of 0', { timeouts: { requestMs: 0 } }],
  ];
  it.each(bad)('refuses %s', async (_name, options) => {
    await expect(startSandbox({ host: '127.0.0.1', port: 0, ...options })).rejects.toBeInstanceOf(SandboxOptionError);
  });

  it('never quotes a client secret it refuses', () => {
    expect(() => checkOptions({ apps: [{ org: 'o', app: 'a', clientSecret: 'has a space-secret' }] })).toThrow(/printable ASCII/);
    try {
      checkOptions({ apps: [{ org: 'o', app: 'a', clientSecret: 'has a space-secret' }] });
    } catch (error) {
      expect(String(error)).not.toContain('space-secret');
    }
  });

  it('registers users at every cost it accepts at the edges (16 and 65536 start and hash)', async () => {
    for (const scryptCost of [16, 65536]) {
      const sandbox = await startSandbox({ host: '127.0.0.1', port: 0, rateLimit: 'off', scryptCost });
      try {
        const app = sandbox.apps[0]!;
        const token = await (await fetch(`${app.baseUrl}/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ grant_type: 'client_credentials', client_id: app.clientId, client_secret: app.clientSecret }) })).json();
        const answer = await fetch(`${app.baseUrl}/users`, { method: 'POST', headers: { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/json' }, body: '{"username":"edge","password":"p"}' });
        expect(answer.status).toBe(200);
        expect(await sandbox.checkPassword(app.org, app.app, 'edge', 'p')).toBe(true);
      } finally {
        await sandbox.close();
      }
    }
  });
});
