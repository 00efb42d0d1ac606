// The `easemob-contract` command line: flags win over the EASEMOB_* variables that `npm start`
// prints and the import command reads. A usage error is one line, exit 2.
import { parseArgs } from 'node:util';

export const HELP = `Usage: easemob-contract [options]

Runs the contract scenarios of easemob-user-api (those \`npm run test:contract\` runs in its
repository) against one Easemob app. Every request and every answer is held against the
description; it prints each scenario's result, every violation (operation, status, JSON
pointer, reason) and an operation × status coverage table. Secrets are never printed.

Target:
  --base-url URL       the app's base URL, https://host/org/app         (EASEMOB_BASE_URL)
                       or the host's, https://host, with --org and --app
  --org NAME           the org name, when --base-url is the host's
  --app NAME           the app name, when --base-url is the host's
  --client-id ID       the app's client id                                (EASEMOB_CLIENT_ID)
  --client-secret S    the app's client secret                            (EASEMOB_CLIENT_SECRET)

Safety:
  --live               the target is a real service: required for any host but this machine's
                       loopback (127.0.0.1, ::1, localhost); without it nothing is sent there
  --destructive        also run DELETE /users?limit=N, which deletes users the run did not
                       create (EASEMOB_ALLOW_DESTRUCTIVE=1); use a test app. Always on against
                       a sandbox
  --rate N|off         requests a second (default 25, under the service's 30 per IP), through
                       the client's rate limiter; off only for a sandbox run with --rate-limit off

Run:
  --only TEXT          only the scenarios whose name contains TEXT (repeatable); the run then
                       does not fail for operations it did not exercise
  --list               print the scenarios that would run for this target, and send nothing more
  --junit FILE         also write the results to FILE as JUnit XML, for CI test reports: a test
                       case per scenario, and one per operation (no answer broke the description,
                       one was a success); secrets hidden as in the printed report
  --help               this text

The run creates users named ct<8 hex>_… (a prefix of its own), touches no other user (unless
--destructive) and deletes its users at the end, also after a failure or Ctrl-C. A target that
serves the sandbox's control API (/_sandbox/) is driven through it too, as the sandbox's own
suite does: it marks users online, signs in devices, queues messages and moves its clock.

Exit code: 0 when every scenario passed with no violation and every operation's success answer
was seen; 1 otherwise; 2 on a usage error (nothing sent).`;

export interface ContractOptions {
  baseUrl: URL;
  clientId: string;
  clientSecret: string;
  live: boolean;
  destructive: boolean;
  /** Requests a second; undefined: unpaced. */
  rate: number | undefined;
  only: string[];
  list: boolean;
  /** Where to write the JUnit XML report, if anywhere. */
  junit: string | undefined;
}

export class UsageError extends Error {}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): ContractOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        'base-url': { type: 'string' },
        org: { type: 'string' },
        app: { type: 'string' },
        'client-id': { type: 'string' },
        'client-secret': { type: 'string' },
        live: { type: 'boolean' },
        destructive: { type: 'boolean' },
        rate: { type: 'string' },
        only: { type: 'string', multiple: true },
        list: { type: 'boolean' },
        junit: { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    // parseArgs names the flag; it never echoes a value.
    throw new UsageError(error instanceof Error ? error.message.split('\n')[0]! : 'bad arguments');
  }
  if (values.help) return 'help';

  const given = values['base-url'] ?? env.EASEMOB_BASE_URL;
  const clientId = values['client-id'] ?? env.EASEMOB_CLIENT_ID;
  const clientSecret = values['client-secret'] ?? env.EASEMOB_CLIENT_SECRET;
  if (!given || !clientId || !clientSecret) {
    throw new UsageError('the target needs --base-url, --client-id and --client-secret (or EASEMOB_BASE_URL, EASEMOB_CLIENT_ID, EASEMOB_CLIENT_SECRET)');
  }
  let baseUrl: URL;
  try {
    baseUrl = new URL(given);
  } catch {
    throw new UsageError('--base-url is not a URL: give the app\'s base URL, e.g. https://a1.easemob.com/your-org/your-app');
  }
  if (baseUrl.protocol !== 'http:' && baseUrl.protocol !== 'https:') throw new UsageError('--base-url must be an http or https URL');
  // fetch refuses them, and the report prints the URL: credentials go in --client-id/--client-secret.
  if (baseUrl.username || baseUrl.password) throw new UsageError('--base-url must not hold credentials: give them as --client-id and --client-secret');
  const prefix = baseUrl.pathname.split('/').filter(Boolean);
  if ((values.org === undefined) !== (values.app === undefined)) throw new UsageError('--org and --app go together');
  if (values.org !== undefined && values.app !== undefined) {
    if (prefix.length) throw new UsageError('with --org and --app, --base-url is the host\'s (https://host), not an app\'s');
    baseUrl.pathname = `/${encodeURIComponent(values.org)}/${encodeURIComponent(values.app)}`;
  } else if (prefix.length !== 2) {
    throw new UsageError('--base-url must be one app\'s base URL, https://host/org/app (or the host\'s with --org and --app)');
  }
  baseUrl.search = '';
  baseUrl.hash = '';

  let rate: number | undefined = 25;
  if (values.rate === 'off') rate = undefined;
  else if (values.rate !== undefined) {
    rate = /^[0-9]+$/.test(values.rate) ? Number(values.rate) : NaN;
    if (!(rate >= 1 && rate <= 1000)) throw new UsageError(`--rate must be an integer from 1 to 1000, or off, not "${values.rate}"`);
  }
  return {
    baseUrl,
    clientId,
    clientSecret,
    live: values.live ?? false,
    destructive: values.destructive ?? env.EASEMOB_ALLOW_DESTRUCTIVE === '1',
    rate,
    only: values.only ?? [],
    list: values.list ?? false,
    junit: values.junit || undefined,
  };
}
