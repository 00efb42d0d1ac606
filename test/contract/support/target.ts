// What the repository's contract suite runs against. With EASEMOB_BASE_URL set, a live app (a
// team's own Easemob app, in their CI); without it, a sandbox the suite starts itself, and the
// same sandbox behind Prism's validation proxy for an independent check.
import type { ContractTarget } from '../../../src/contract/suite/target.ts';
import { sandboxControl } from '../../../src/contract/suite/target.ts';
import { startSandbox, type Sandbox } from '../../../src/sandbox/index.ts';
import { startPrismCommand } from '../../support/servers.ts';

export type { ContractTarget };

export const SANDBOX_APP = { org: 'easemob-demo', app: 'chatdemoui' };

export function remoteTargetFromEnv(env = process.env): ContractTarget | undefined {
  const baseUrl = env.EASEMOB_BASE_URL;
  if (!baseUrl) return undefined;
  const clientId = env.EASEMOB_CLIENT_ID;
  const clientSecret = env.EASEMOB_CLIENT_SECRET;
  if (!clientId || !clientSecret) throw new Error('EASEMOB_BASE_URL needs EASEMOB_CLIENT_ID and EASEMOB_CLIENT_SECRET');
  return {
    name: `live app ${new URL(baseUrl).host}`,
    baseUrl: baseUrl.replace(/\/$/, ''),
    clientId,
    clientSecret,
    destructive: env.EASEMOB_ALLOW_DESTRUCTIVE === '1',
    callsPerSecond: 25,
    stop: async () => {},
  };
}

export async function sandboxTarget(): Promise<ContractTarget & { instance: Sandbox }> {
  // Rate limit off: only the rate-limit scenario needs it, and starts its own limited sandboxes.
  const instance = await startSandbox({ port: 0, host: '127.0.0.1', apps: [SANDBOX_APP], rateLimit: 'off' });
  const app = instance.apps[0]!;
  return {
    name: 'sandbox',
    instance,
    baseUrl: app.baseUrl,
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    sandbox: sandboxControl(app.baseUrl),
    destructive: true,
    // Unpaced: this sandbox has no rate limit (pacing to 25/s cost `npm test` 25 s, issue 10).
    callsPerSecond: 1_000_000,
    stop: () => instance.close(),
  };
}

/** `prism proxy --errors` in front of a target: Prism answers 500 VIOLATIONS when an answer breaks the description. */
export async function prismProxyTarget(upstream: ContractTarget): Promise<ContractTarget> {
  const prism = await startPrismCommand('proxy', [upstream.baseUrl, '--errors']);
  return {
    ...upstream,
    name: `${upstream.name} behind prism proxy`,
    // Prism serves the paths at its root and forwards them under the upstream's app prefix.
    baseUrl: prism.baseUrl,
    stop: async () => {
      await prism.stop();
      await upstream.stop();
    },
  };
}
