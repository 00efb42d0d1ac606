// The `easemob-contract` command (src/cli/easemob-contract.ts), run as a process from the
// sources: against a sandbox on a free loopback port it passes; against a server that answers a
// wrong shape it reports the violations and exits 1; it keeps under a limit through the client's
// limiter; usage errors are one line with exit 2; no secret is ever printed.
// test/client/package.test.ts runs the same command from the installed package.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEasemobClient, listAllUsers } from '../../src/client/index.ts';
import { createReport } from '../../src/cli/contract/report.ts';
import { loadDescription } from '../../src/contract/description.ts';
import { listOperations } from '../../src/contract/operations.ts';
import { contractScenarios } from '../../src/contract/scenarios/index.ts';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.ts';
import { readJunit } from '../support/read-junit.ts';
import { projectRoot } from '../support/servers.ts';

const NODE = join(projectRoot, 'node_modules/.bin/node');
const COMMAND = join(projectRoot, 'src/cli/easemob-contract.ts');
const APP = { org: 'easemob-demo', app: 'chatdemoui' };
// Where --junit reports go: a folder the command must create (CI jobs name one such as reports/).
const reports = mkdtempSync(join(tmpdir(), 'easemob-contract-junit-'));
afterAll(() => rmSync(reports, { recursive: true, force: true }));

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The command with these arguments and EASEMOB_* variables only (none from the machine). */
function startContract(args: string[], easemob: Record<string, string> = {}) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('EASEMOB_')));
  const child = spawn(NODE, [COMMAND, ...args], { env: { ...env, ...easemob }, stdio: ['ignore', 'pipe', 'pipe'] });
  const outcome: Outcome = { code: null, stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (outcome.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (outcome.stderr += chunk.toString()));
  const done = new Promise<Outcome>((resolve) => child.on('close', (code) => resolve({ ...outcome, code })));
  return { child, outcome, done };
}

const runContract = (args: string[], easemob: Record<string, string> = {}) => startContract(args, easemob).done;

/** A local server that is no sandbox (it answers 404 to everything), for choices made before any call. */
async function notASandbox(): Promise<{ baseUrl: string; close(): void }> {
  const server = createServer((_req, res) => res.writeHead(404).end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/o/a`, close: () => server.close() };
}

const envFor = (sandbox: Sandbox, baseUrl = sandbox.apps[0]!.baseUrl) => ({
  EASEMOB_BASE_URL: baseUrl,
  EASEMOB_CLIENT_ID: sandbox.apps[0]!.clientId,
  EASEMOB_CLIENT_SECRET: sandbox.apps[0]!.clientSecret,
});

async function usernames(sandbox: Sandbox): Promise<string[]> {
  const app = sandbox.apps[0]!;
  const client = createEasemobClient({ baseUrl: app.baseUrl, clientId: app.clientId, clientSecret: app.clientSecret, throttle: false });
  const names: string[] = [];
  for await (const user of listAllUsers(client)) names.push(user.username);
  return names;
}

/**
 * A wrong Easemob in front of a sandbox: every answer forwarded, except that a user's `created`
 * becomes a string, and the token answer echoes the client secret it was sent (as a careless
 * service might). It remembers every token it passed on, to look for them in the output.
 */
function wrongShapeProxy(upstream: Sandbox): Promise<{ server: Server; origin: string; tokens: string[] }> {
  const tokens: string[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const sent = Buffer.concat(chunks);
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(([name]) => !['host', 'connection', 'content-length', 'transfer-encoding'].includes(name)),
    ) as Record<string, string>;
    const answer = await fetch(new URL(req.url!, upstream.url), { method: req.method, headers, ...(sent.length && { body: sent }) });
    let text = await answer.text();
    const path = new URL(req.url!, upstream.url).pathname;
    try {
      const body = JSON.parse(text) as Record<string, any>;
      if (typeof body.access_token === 'string') tokens.push(body.access_token);
      if (req.method === 'GET' && /^\/[^/]+\/[^/]+\/users\/[^/]+$/.test(path) && body.entities?.[0]) body.entities[0].created = 'yesterday';
      if (req.method === 'POST' && path.endsWith('/token') && answer.status === 200) body.echo = (JSON.parse(sent.toString()) as { client_secret?: string }).client_secret;
      text = JSON.stringify(body);
    } catch {
      // not JSON: passed on as it is
    }
    const out: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (!['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(name)) out[name] = value;
    });
    res.writeHead(answer.status, out);
    res.end(text);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, tokens })),
  );
}

describe('easemob-contract against a sandbox on a free loopback port', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, host: '127.0.0.1', apps: [APP], rateLimit: 'off' });
  });
  afterAll(() => sandbox?.close());

  it('runs every scenario, passes, prints the coverage table, leaves no user behind and no secret in its output; --junit writes the same as JUnit XML', { timeout: 300_000 }, async () => {
    const junit = join(reports, 'passing/contract.xml');
    const run = await runContract(['--rate', 'off', '--junit', junit], envFor(sandbox));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const expected = contractScenarios('sandbox', { destructive: true });
    const passed = run.stdout.split('\n').filter((line) => line.startsWith('  ✓ '));
    expect(passed).toHaveLength(expected.length);
    expect(run.stdout).toContain(`${expected.length} scenarios against sandbox ${sandbox.apps[0]!.baseUrl}`);
    expect(run.stdout).toMatch(/^operation\s+200\s+400\s+401/m);
    expect(run.stdout).toMatch(/^getUser\s+\d+/m);
    expect(run.stdout).toContain('Violations of the description: none');
    expect(run.stdout).toContain(`PASSED: ${expected.length} of ${expected.length} scenarios passed, 0 violations`);
    expect(run.stdout).not.toContain(sandbox.apps[0]!.clientSecret);
    expect(await usernames(sandbox)).toEqual([]);

    expect(run.stdout).toContain(`JUnit report: ${junit}`);
    const report = await readJunit(junit);
    const [scenarios, description] = report.suites;
    expect(scenarios!.cases.map((c) => [c.classname, c.name, c.passed])).toEqual(expected.map((s) => ['easemob-contract.scenarios', s.name, true]));
    expect(description!.cases.map((c) => [c.classname, c.name, c.passed])).toEqual(
      listOperations(loadDescription()).map((op) => ['easemob-contract.description', op.operationId, true]),
    );
    expect(report.failures).toBe(0);
    expect(readFileSync(junit, 'utf8')).not.toContain(sandbox.apps[0]!.clientSecret);
  });

  it('fails a passing run whose --junit report cannot be written, and says so in one line', async () => {
    const run = await runContract(['--rate', 'off', '--only', 'getToken: client credentials', '--junit', '/dev/null/contract.xml'], envFor(sandbox));
    expect(run.stdout).toMatch(/^PASSED: /m);
    expect(run.stdout).toMatch(/^easemob-contract: could not write the JUnit report \/dev\/null\/contract\.xml: E[A-Z]+$/m);
    expect(run.code).toBe(1);
  });

  it('stops after the scenario in progress on Ctrl-C, and still deletes the users of its run', { timeout: 60_000 }, async () => {
    const run = startContract(['--rate', 'off'], envFor(sandbox));
    const deadline = Date.now() + 30_000;
    while ((run.outcome.stdout.match(/^ {2}✓ /gm) ?? []).length < 5) {
      if (run.outcome.code !== null || Date.now() > deadline) throw new Error(`no scenario passed:\n${run.outcome.stdout}${run.outcome.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    run.child.kill('SIGINT');
    const { code, stdout } = await run.done;
    expect(code).toBe(1);
    expect(stdout).toMatch(/^stopped after \d+ of \d+ scenarios$/m);
    expect(await usernames(sandbox)).toEqual([]);
  });

  it('takes the app as --base-url of the host with --org and --app, and runs only the scenarios asked for', async () => {
    const app = sandbox.apps[0]!;
    const run = await runContract(['--base-url', sandbox.url, '--org', APP.org, '--app', APP.app, '--client-id', app.clientId, '--client-secret', app.clientSecret, '--rate', 'off', '--only', 'getToken: ']);
    expect(run.code).toBe(0);
    const asked = contractScenarios('sandbox', { destructive: true }).filter((s) => s.name.includes('getToken: '));
    expect(asked.length).toBeGreaterThan(2);
    expect(run.stdout.split('\n').filter((line) => line.startsWith('  ✓ '))).toEqual(asked.map((s) => expect.stringMatching(`^  ✓ ${s.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+ ms\\)$`)));
    expect(run.stdout).not.toContain(app.clientSecret);
  });
});

describe('easemob-contract against a server that answers a wrong shape', () => {
  let sandbox: Sandbox;
  let proxy: Awaited<ReturnType<typeof wrongShapeProxy>>;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, host: '127.0.0.1', apps: [APP], rateLimit: 'off' });
    proxy = await wrongShapeProxy(sandbox);
  });
  afterAll(async () => {
    await new Promise((resolve) => proxy?.server.close(resolve));
    await sandbox?.close();
  });

  it('reports each violation with operation, status, JSON pointer and reason, fails the scenario that sees the echoed secret, hides every secret, exits 1', { timeout: 60_000 }, async () => {
    const secret = sandbox.apps[0]!.clientSecret;
    const junit = join(reports, 'wrong-shape.xml');
    const run = await runContract(['--rate', 'off', '--only', 'getToken: ', '--only', 'create → get', '--junit', junit], envFor(sandbox, `${proxy.origin}/${APP.org}/${APP.app}`));
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^Violations of the description \(\d+\):$/m);
    expect(run.stdout).toMatch(/^ {2}getUser 200 at \/entities\/0\/created: must be integer/m);
    expect(run.stdout).toContain('  ✗ getToken: client credentials give a token with expires_in in seconds');
    expect(run.stdout).toMatch(/^FAILED: /m);
    // The failed assertion quotes the answer: the secret and the token in it are hidden.
    expect(run.stdout).toContain('[redacted]');
    expect(proxy.tokens.length).toBeGreaterThan(0);
    for (const hidden of [secret, ...proxy.tokens]) expect(run.stdout + run.stderr).not.toContain(hidden);
    // The run's users are gone, through the same wrong server.
    expect(await usernames(sandbox)).toEqual([]);

    // The JUnit report names the failed scenario and the operation whose answer broke the description.
    const [scenarios, description] = (await readJunit(junit)).suites;
    const failedScenario = scenarios!.cases.find((c) => c.name === 'getToken: client credentials give a token with expires_in in seconds');
    expect(failedScenario?.passed).toBe(false);
    expect(failedScenario?.text).toContain('[redacted]');
    const getUser = description!.cases.find((c) => c.name === 'getUser');
    expect(getUser?.passed).toBe(false);
    expect(getUser?.message).toMatch(/^getUser 200 at \/entities\/0\/created: must be integer/);
    // A partial run (--only) does not fail operations it did not call.
    expect(description!.cases.find((c) => c.name === 'deleteUsers')?.passed).toBe(true);
    for (const hidden of [secret, ...proxy.tokens]) expect(readFileSync(junit, 'utf8')).not.toContain(hidden);
  });
});

describe('easemob-contract keeps to a rate limit through the client limiter', () => {
  const sandboxes: Sandbox[] = [];
  afterAll(() => Promise.all(sandboxes.map((s) => s.close())));
  // About 110 requests: 36 operations, three bad tokens each.
  const only = ['--only', 'corrupt, unknown and expired tokens'];

  it('at --rate 25 a sandbox limited to 30 a second refuses nothing; unpaced, it refuses', { timeout: 60_000 }, async () => {
    const limited = async () => {
      const sandbox = await startSandbox({ port: 0, host: '127.0.0.1', apps: [APP], rateLimit: 30, rateLimitStatus: 429 });
      sandboxes.push(sandbox);
      return sandbox;
    };
    const paced = await runContract(['--rate', '25', ...only], envFor(await limited()));
    expect(paced.stdout).toMatch(/^PASSED: /m);
    expect(paced.code).toBe(0);
    const unpaced = await runContract(['--rate', '1000', ...only], envFor(await limited()));
    expect(unpaced.code).toBe(1);
    // The sandbox's refusal, quoted by the scenarios it failed.
    expect(unpaced.stdout).toMatch(/^ {2}✗ \w+: corrupt, unknown and expired tokens/m);
    expect(unpaced.stdout).toContain("[ 429, 'reach_limit' ]");
  });
});

// Side by side (issue 10): each case is its own short process, with nothing shared; one after
// another they spent most of their time starting Node.
describe.concurrent('easemob-contract usage', () => {
  const credentials = ['--client-id', 'YXA6id', '--client-secret', 'YXA6S3CRET-never-shown'];

  it.for<[label: string, args: string[], message: RegExp]>([
    ['no credentials', ['--base-url', 'http://127.0.0.1:9/o/a'], /needs --base-url, --client-id and --client-secret/],
    ['a real service without --live', ['--base-url', 'https://a1.easemob.com/org/app', ...credentials], /a1\.easemob\.com is not this machine: .* add --live/],
    ['a base URL that is no app', ['--base-url', 'http://127.0.0.1:9/', ...credentials], /one app's base URL/],
    ['--org without --app', ['--base-url', 'http://127.0.0.1:9', '--org', 'o', ...credentials], /--org and --app go together/],
    ['a rate that is no number', ['--base-url', 'http://127.0.0.1:9/o/a', '--rate', 'fast', ...credentials], /--rate must be an integer/],
    ['an unknown flag', ['--bogus', ...credentials], /Unknown option '--bogus'/],
    ['credentials in the URL', ['--base-url', 'http://me:pw@127.0.0.1:9/o/a', ...credentials], /must not hold credentials/],
    ['no scenario matching --only', ['--base-url', 'http://127.0.0.1:9/o/a', '--only', 'no such scenario', ...credentials], /no scenario's name contains "no such scenario"/],
  ])('%s: one line on stderr, exit 2, nothing else', async ([, args, message], { expect }) => {
    const run = await runContract(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toContain('S3CRET');
  });

  it('--junit: a target that does not answer the token request gets a report with that one failure', { timeout: 300_000 }, async ({ expect }) => {
    const server = await notASandbox();
    try {
      const junit = join(reports, 'unreachable.xml');
      const run = await runContract(['--junit', junit], { EASEMOB_BASE_URL: server.baseUrl, EASEMOB_CLIENT_ID: 'id', EASEMOB_CLIENT_SECRET: 'the-client-secret' });
      expect(run.code).toBe(1);
      const report = await readJunit(junit);
      expect(report.suites.map((suite) => suite.cases.map((c) => [c.name, c.passed]))).toEqual([[['reach the target and get its app token', false]], []]);
      expect(readFileSync(junit, 'utf8')).not.toContain('the-client-secret');
    } finally {
      server.close();
    }
  });

  it('--rate off against a server that is not a sandbox is refused', async ({ expect }) => {
    const server = await notASandbox();
    try {
      const run = await runContract(['--base-url', server.baseUrl, '--rate', 'off', ...credentials]);
      expect([run.code, run.stderr.trim()]).toEqual([2, 'easemob-contract: --rate off is only for a sandbox: a service has a rate limit to respect (see easemob-contract --help)']);
    } finally {
      server.close();
    }
  });

  it('--list: a target that is not a sandbox gets what is safe on a real service; DELETE /users?limit= only with --destructive', async ({ expect }) => {
    const server = await notASandbox();
    try {
      const listed = async (...extra: string[]) => {
        const run = await runContract(['--base-url', server.baseUrl, '--list', ...extra, ...credentials]);
        expect(run.code).toBe(0);
        return run.stdout.split('\n').filter((line) => line.startsWith('  ')).map((line) => line.slice(2));
      };
      const safe = await listed();
      expect(safe).toEqual(contractScenarios('remote', { destructive: false }).map((s) => s.name));
      expect(safe.filter((name) => name.startsWith('deleteUsers: deletes') || name.includes('over 1 MiB'))).toEqual([]);
      expect(await listed('--destructive')).toEqual(contractScenarios('remote', { destructive: true }).map((s) => s.name));
      expect((await listed('--destructive')).length).toBeGreaterThan(safe.length);
    } finally {
      server.close();
    }
  });

  it('--help prints the usage and exits 0', async ({ expect }) => {
    const run = await runContract(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: easemob-contract \[options\]/);
    for (const flag of ['--base-url', '--org', '--app', '--client-id', '--client-secret', '--live', '--destructive', '--rate', '--only', 'EASEMOB_BASE_URL']) {
      expect(run.stdout).toContain(flag);
    }
  });
});

describe("easemob-contract's report", () => {
  it('hides the client secret and every token of a long run, also in a quote cut short', () => {
    const secret = 'YXA6client-secret-of-the-app';
    const tokens = Array.from({ length: 60 }, (_, i) => `YWMt-token-number-${i}-of-the-run`);
    let printed = '';
    const report = createReport((text) => (printed += text), () => [secret, ...tokens]);
    const quote = `expected '{"echo":"${secret}","access_token":"${tokens[0]}"}' not to contain '${secret}' and ${tokens[59]} ${'x'.repeat(380)}${secret}`;
    report.scenario({ name: 'getToken: client credentials', passed: false, ms: 3, error: quote });
    report.line(`first token ${tokens[0]}, last ${tokens[59]}`);
    expect(printed).toContain('[redacted]');
    expect(printed).toContain('✗ getToken: client credentials');
    for (const hidden of [secret, ...tokens]) expect(printed).not.toContain(hidden);
    expect(printed).not.toContain(secret.slice(0, 6));
  });
});
