// Which kind of target `easemob-contract` is aimed at, and whether it may be: a host other than
// this machine's loopback is a real service, refused unless --live says so (before anything is
// sent to it). A target whose origin serves the sandbox's control index is a sandbox, driven
// through its control API like the repository's own suite drives it.
import { sandboxControl, type ContractTarget } from '../../contract/suite/target.ts';
import type { TargetKind } from '../../contract/suite/suite.ts';
import { UsageError, type ContractOptions } from './options.ts';

const LOOPBACK = /^(localhost|.*\.localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

export function isLoopback(url: URL): boolean {
  return LOOPBACK.test(url.hostname);
}

/** The sandbox's control index answers GET /_sandbox/ with what it is; anything else is not a sandbox. */
async function servesSandboxControl(baseUrl: URL): Promise<boolean> {
  try {
    const answer = await fetch(new URL('/_sandbox/', baseUrl.origin), { signal: AbortSignal.timeout(5000) });
    if (!answer.ok) return false;
    const index = (await answer.json()) as { about?: unknown; operations?: unknown };
    return typeof index.about === 'string' && index.about.includes('sandbox control API') && Array.isArray(index.operations);
  } catch {
    return false;
  }
}

export async function chooseTarget(options: ContractOptions): Promise<{ kind: TargetKind; target: ContractTarget }> {
  if (!isLoopback(options.baseUrl) && !options.live) {
    throw new UsageError(`${options.baseUrl.host} is not this machine: to run against a real service (it creates and deletes users of its own there), add --live`);
  }
  const sandbox = await servesSandboxControl(options.baseUrl);
  if (options.rate === undefined && !sandbox) throw new UsageError('--rate off is only for a sandbox: a service has a rate limit to respect');
  const baseUrl = options.baseUrl.href.replace(/\/$/, '');
  return {
    kind: sandbox ? 'sandbox' : 'remote',
    target: {
      name: `${sandbox ? 'sandbox' : options.live ? 'live app' : 'local server'} ${baseUrl}`,
      baseUrl,
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      ...(sandbox && { sandbox: sandboxControl(baseUrl) }),
      destructive: sandbox || options.destructive,
      callsPerSecond: options.rate ?? 1_000_000,
      stop: async () => {},
    },
  };
}
