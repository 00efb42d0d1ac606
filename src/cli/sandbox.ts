// `npm start`: serves the sandbox, a stateful local Easemob (src/sandbox/, docs/sandbox.md).
//
//   node src/cli/sandbox.ts [--host H] [--port P] [--db FILE] [--config FILE]
//                           [--app org/app]... [--open-registration]
//                           [--rate-limit N|off] [--rate-limit-status 429|503]
//                           [--token-ttl SECONDS] [--scrypt-cost N] [--control-host H]... [--log]
//
// Flags win over the environment (HOST, PORT, SANDBOX_DB, EASEMOB_CLIENT_ID,
// EASEMOB_CLIENT_SECRET), which wins over the config file (JSON), which wins over defaults.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { checkConfigFile, checkOptions, SandboxOptionError, type OptionSources } from '../sandbox/check-options.ts';
import { startSandbox, type SandboxAppConfig, type SandboxOptions } from '../sandbox/index.ts';
import { DEFAULT_APP, DEFAULT_RATE_LIMIT } from '../sandbox/options.ts';
import { DOCS_PAGE } from '../sandbox/static-files.ts';
import { describeStartFailure } from './sandbox-failure.ts';
import { exportLines } from './sandbox-banner.ts';

// Who started this process, read before anything is printed: a parent that reads the banner
// and goes away at once (a test fixture's quick run) would otherwise be gone before this line,
// and the sandbox would take its successor (init) for its parent and never close (see below).
const parent = process.ppid;

// The same flags whether run as `npm start` in this repository or as the package's bin.
const COMMAND = process.env.npm_lifecycle_event === 'start' ? 'npm start' : 'npx easemob-sandbox';

const USAGE = `Usage: ${COMMAND === 'npm start' ? 'npm start --' : COMMAND} [options]
  --host HOST               interface to listen on (HOST; default 127.0.0.1)
  --port PORT               port (PORT; default 4000; 0 = any free port)
  --db FILE                 keep data in this SQLite file (SANDBOX_DB; default: in memory)
  --config FILE             JSON config file (see docs/sandbox.md)
  --app ORG/APP             serve this app (repeatable; default easemob-demo/chatdemoui)
  --open-registration       POST /users needs no token (default: authorized registration)
  --rate-limit N|off        requests a second per client IP (default 30)
  --rate-limit-status CODE  503 (the 2015 guide, default) or 429 (the service today)
  --token-ttl SECONDS       token lifetime when the request has no ttl (default 5184000)
  --scrypt-cost N           scrypt N for password hashes, a power of two from 16 to 65536
                            (default 1024 with --db, 16 in memory)
  --control-host HOST       also accept this Host on the control API (repeatable; * = any),
                            e.g. a container's service name (default: listen address, loopback)
  --log                     log one line per request (method, path, status, time)
  --help                    this text`;

interface ConfigFile extends Omit<SandboxOptions, 'now' | 'log'> {
  log?: boolean;
}

/** A usage error: one line saying what was wrong, pointing at --help; exit 2. */
function fail(message: string): never {
  console.error(`sandbox: ${message} (npm start -- --help)`);
  process.exit(2);
}

/** A bad setting: one line naming it and what it may be, exit 2 (checked in check-options.ts). */
function refuseSetting(error: unknown): never {
  if (!(error instanceof SandboxOptionError)) throw error;
  console.error(`sandbox: ${error.message} (npm start -- --help)`);
  process.exit(2);
}

/** A numeric flag or variable as a number when it reads as one; else as given, for the message. */
function numeric(value: string): number | string {
  return /^-?[0-9]+$/.test(value) ? Number(value) : value;
}

/** A runtime failure: one line saying what failed, where, and what to do; exit 1. */
function failAtRuntime(message: string): never {
  console.error(`sandbox: ${message}`);
  process.exit(1);
}

function parseApp(value: string): SandboxAppConfig {
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(value);
  if (!match) fail(`--app takes ORG/APP, not "${value}"`);
  return { org: match[1]!, app: match[2]! };
}

function readConfig(path: string): ConfigFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    failAtRuntime(`cannot read config file ${path}: ${error instanceof Error ? error.message.split('\n')[0] : 'unknown error'}`);
  }
  try {
    checkConfigFile(parsed, path);
  } catch (error) {
    refuseSetting(error);
  }
  return parsed as ConfigFile;
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        db: { type: 'string' },
        config: { type: 'string' },
        app: { type: 'string', multiple: true },
        'open-registration': { type: 'boolean' },
        'rate-limit': { type: 'string' },
        'rate-limit-status': { type: 'string' },
        'token-ttl': { type: 'string' },
        'scrypt-cost': { type: 'string' },
        'control-host': { type: 'string', multiple: true },
        log: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    fail(error instanceof Error ? error.message.split('\n')[0]! : 'bad arguments');
  }
})();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const config: ConfigFile = values.config ? readConfig(values.config) : {};
const env = process.env;

const apps: SandboxAppConfig[] = values.app?.map(parseApp) ?? config.apps?.map((app) => ({ ...app })) ?? [{ ...DEFAULT_APP }];
const first = apps[0]!;
if (env.EASEMOB_CLIENT_ID) first.clientId = env.EASEMOB_CLIENT_ID;
if (env.EASEMOB_CLIENT_SECRET) first.clientSecret = env.EASEMOB_CLIENT_SECRET;
if (values['open-registration']) for (const app of apps) app.openRegistration = true;
const suppliedSecrets = new Set(apps.filter((app) => app.clientSecret).map((app) => `${app.org}/${app.app}`));

// Each setting with where it came from, so that a bad one is named as the user wrote it.
const sources: OptionSources = {};
function pick<K extends keyof SandboxOptions>(key: K, choices: Array<[string, unknown]>): SandboxOptions[K] | undefined {
  const found = choices.find(([, value]) => value !== undefined);
  if (!found) return undefined;
  sources[key] = found[0];
  return found[1] as SandboxOptions[K];
}
const inConfig = (key: string) => `${key} (in ${values.config})`;
const flagOrConfig = (flag: string, key: keyof ConfigFile): Array<[string, unknown]> => {
  const given = values[flag as keyof typeof values] as string | undefined;
  return [[`--${flag}`, given === undefined ? undefined : given === 'off' ? 'off' : numeric(given)], [inConfig(key), config[key]]];
};

const options: SandboxOptions = {
  host: pick('host', [['--host', values.host], ['HOST', env.HOST], [inConfig('host'), config.host]]) ?? '127.0.0.1',
  port: pick('port', [['--port', values.port && numeric(values.port)], ['PORT', env.PORT && numeric(env.PORT)], [inConfig('port'), config.port]]) ?? 4000,
  db: pick('db', [['--db', values.db], ['SANDBOX_DB', env.SANDBOX_DB], [inConfig('db'), config.db]]) ?? ':memory:',
  apps,
  rateLimit: pick('rateLimit', flagOrConfig('rate-limit', 'rateLimit')) ?? DEFAULT_RATE_LIMIT,
  rateLimitStatus: pick('rateLimitStatus', flagOrConfig('rate-limit-status', 'rateLimitStatus')) ?? 503,
  ...(values['control-host'] || config.controlHosts ? { controlHosts: pick('controlHosts', [['--control-host', values['control-host']], [inConfig('controlHosts'), config.controlHosts]]) } : {}),
  ...(values['token-ttl'] !== undefined || config.tokenTtlSeconds !== undefined ? { tokenTtlSeconds: pick('tokenTtlSeconds', flagOrConfig('token-ttl', 'tokenTtlSeconds')) } : {}),
  ...(values['scrypt-cost'] !== undefined || config.scryptCost !== undefined ? { scryptCost: pick('scryptCost', flagOrConfig('scrypt-cost', 'scryptCost')) } : {}),
  ...(values.log || config.log ? { log: (line: string) => console.log(line) } : {}),
};
sources.apps = values.app ? '--app' : inConfig('apps');
try {
  for (const name of ['EASEMOB_CLIENT_ID', 'EASEMOB_CLIENT_SECRET'] as const) {
    const value = env[name];
    if (value !== undefined && value !== '' && !/^[\x21-\x7e]{1,256}$/.test(value)) throw new SandboxOptionError(`${name} must be 1 to 256 printable ASCII characters without spaces`);
  }
  checkOptions(options, sources);
} catch (error) {
  refuseSetting(error);
}
const rateLimit = options.rateLimit!;
const rateLimitStatus = options.rateLimitStatus!;

// In a clone the docs page may not be built yet; the package ships it (dist/docs/index.html).
const root = fileURLToPath(new URL('../../', import.meta.url));
if (!existsSync(DOCS_PAGE) && existsSync(`${root}scripts/build.ts`)) {
  execFileSync(process.execPath, [`${root}scripts/build.ts`, '--docs-only'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

const sandbox = await startSandbox(options).catch((error: unknown) => failAtRuntime(describeStartFailure(error, options, COMMAND)));

const lines = [`Easemob sandbox on ${sandbox.url}`];
for (const app of sandbox.apps) {
  const supplied = suppliedSecrets.has(`${app.org}/${app.app}`);
  lines.push(
    ``,
    `App ${app.org}/${app.app}`,
    `  base URL       ${app.baseUrl}`,
    `  client id      ${app.clientId}`,
    // The one place a secret is shown: credentials the sandbox generated, which nobody else knows.
    `  client secret  ${supplied ? '(as configured)' : app.clientSecret}`,
  );
}
lines.push(
  ``,
  `Paste into your shell to point curl, the client, the import command and the contract tests at ${first.org}/${first.app}:`,
  ...exportLines(sandbox.apps[0]!, suppliedSecrets.has(`${first.org}/${first.app}`)),
  ``,
  `Docs           ${sandbox.url}/docs`,
  `Description    ${sandbox.url}/openapi.json`,
  `Control API    ${sandbox.url}/_sandbox/  (docs/sandbox.md)`,
  `Storage        ${options.db === ':memory:' ? 'in memory (gone when the process ends; --db FILE keeps it)' : options.db}`,
  `Rate limit     ${rateLimit === 'off' ? 'off' : `${rateLimit} requests/s per IP, then ${rateLimitStatus}`}`,
);
console.log(lines.join('\n'));

// `npm start` runs this process in its place (`exec`), so npm's forwarded SIGTERM and SIGINT
// land here. Ctrl-C reaches both npm and this process: the second signal must not start a
// second close, and a third one (the user insisting) exits at once.
let signals = 0;
const stop = () => {
  signals += 1;
  if (signals === 1) void sandbox.close().then(() => process.exit(0), () => process.exit(1));
  else if (signals > 2) process.exit(1);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

// `npx easemob-sandbox` runs this process under `sh -c` under npm, and neither passes a SIGTERM
// on: `kill <npx pid>` ended npm and left the sandbox listening, an orphan holding its port. The
// sandbox is a foreground tool, so it closes when the process that started it is gone (its
// parent changes). Where it was started as PID 1 or by a supervisor that stays, nothing changes.
const orphanCheck = setInterval(() => {
  if (process.ppid === parent) return;
  clearInterval(orphanCheck); // once: a second and third stop() would mean "exit at once"
  stop();
}, 500).unref();
