// What the contract scenarios run against: one app of a live service. Who builds it decides the
// safety rules (test/contract/support/target.ts in the repository, src/cli/contract/ for the
// `easemob-contract` command); the scenarios only read them.
export interface ContractTarget {
  name: string;
  /** One app's base URL: https://host/org/app. */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** The sandbox behind this target, when there is one: its control API drives what only chat clients could. */
  sandbox?: { controlUrl: string; clockUrl: string };
  /** Operations that touch users the suite did not create (DELETE /users?limit=) and rate-limit probes. */
  destructive: boolean;
  /** Requests a second the suite allows itself (the seed's limit is 30 per IP); Infinity: unpaced. */
  callsPerSecond: number;
  stop(): Promise<void>;
}

/** The control API of the sandbox serving `baseUrl` (its origin's /_sandbox, the app's prefix). */
export function sandboxControl(baseUrl: string): { controlUrl: string; clockUrl: string } {
  const url = new URL(baseUrl);
  return { controlUrl: `${url.origin}/_sandbox${url.pathname.replace(/\/$/, '')}`, clockUrl: `${url.origin}/_sandbox/clock` };
}
