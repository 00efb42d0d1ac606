// `npm start`: serves the sandbox, a stateful local Easemob (src/sandbox/, docs/sandbox.md).
//
//   node src/cli/sandbox.ts [--host H] [--port P] [--db FILE] [--config FILE]
//                           [--app org/app]... [--open-registration]
//                           [--rate-limit N|off] [--rate-limit-status 429|503]
//                           [--token-ttl SECONDS] [--scrypt-cost N] [--log]
//
// Flags win over the environment (HOST, PORT, SANDBOX_DB, EASEMOB_CLIENT_ID,
// EASEMOB_CLIENT_SECRET), which wins over the config file (JSON), which wins over defaults.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startSandbox, type SandboxAppConfig, type SandboxOptions } from '../sandbox/index.ts';
import { DEFAULT_APP, DEFAULT_RATE_LIMIT } from '../sandbox/options.ts';
import { DOCS_PAGE } from '../sandbox/static-files.ts';
import { describeStartFailure } from './sandbox-failure.ts';
import { exportLines } from './sandbox-banner.ts';

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
  --scrypt-cost N           scrypt N for password hashes, a power of two (default 1024)
  --log                     log one line per request (method, path, status, time)
  --help                    this text`;

interface ConfigFile extends Omit<SandboxOptions, 'now' | 'log'> {
  log?: boolean;
}

/** A usage error: what was wrong with the command line, then the usage text; exit 2. */
function fail(message: string): never {
  console.error(`sandbox: ${message}\n\n${USAGE}`);
  process.exit(2);
}

/** A runtime failure: one line saying what failed, where, and what to do; exit 1. */
function failAtRuntime(message: string): never {
  console.error(`sandbox: ${message}`);
  process.exit(1);
}

function integer(name: string, value: string, min: number, max: number): number {
  const n = /^[0-9]+$/.test(value) ? Number(value) : NaN;
  if (!(n >= min && n <= max)) fail(`${name} must be an integer from ${min} to ${max}, not "${value}"`);
  return n;
}

function parseApp(value: string): SandboxAppConfig {
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(value);
  if (!match) fail(`--app takes ORG/APP, not "${value}"`);
  return { org: match[1]!, app: match[2]! };
}

function readConfig(path: string): ConfigFile {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as ConfigFile;
  } catch (error) {
    failAtRuntime(`cannot read config file ${path}: ${error instanceof Error ? error.message.split('\n')[0] : 'unknown error'}`);
  }
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
        log: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    fail(error instanceof Error ? error.message : 'bad arguments');
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

const rateLimitFlag = values['rate-limit'];
const rateLimit: number | 'off' =
  rateLimitFlag === undefined ? (config.rateLimit ?? DEFAULT_RATE_LIMIT) : rateLimitFlag === 'off' ? 'off' : integer('--rate-limit', rateLimitFlag, 1, 1_000_000);
const statusFlag = values['rate-limit-status'];
const rateLimitStatus = statusFlag === undefined ? (config.rateLimitStatus ?? 503) : statusFlag === '429' ? 429 : statusFlag === '503' ? 503 : fail('--rate-limit-status is 429 or 503');

const options: SandboxOptions = {
  host: values.host ?? env.HOST ?? config.host ?? '127.0.0.1',
  port: values.port ? integer('--port', values.port, 0, 65535) : env.PORT ? integer('PORT', env.PORT, 0, 65535) : (config.port ?? 4000),
  db: values.db ?? env.SANDBOX_DB ?? config.db ?? ':memory:',
  apps,
  rateLimit,
  rateLimitStatus,
  ...(values['token-ttl'] ? { tokenTtlSeconds: integer('--token-ttl', values['token-ttl'], 1, 2_147_483_647) } : config.tokenTtlSeconds ? { tokenTtlSeconds: config.tokenTtlSeconds } : {}),
  ...(values['scrypt-cost'] ? { scryptCost: integer('--scrypt-cost', values['scrypt-cost'], 2, 1 << 20) } : config.scryptCost ? { scryptCost: config.scryptCost } : {}),
  ...(values.log || config.log ? { log: (line: string) => console.log(line) } : {}),
};

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
