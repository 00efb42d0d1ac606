// What a sandbox can be told at start-up. The CLI (src/cli/sandbox.ts) builds these from flags,
// a config file and the environment; tests pass them to startSandbox() directly.

export interface SandboxAppConfig {
  /** Organization name, the first segment of the app's base URL. */
  org: string;
  /** App name, the second segment. */
  app: string;
  /** Client credentials for POST /token; generated (and kept in the database) when absent. */
  clientId?: string;
  clientSecret?: string;
  /** Open registration: POST /users needs no token. Authorized (false) by default. */
  openRegistration?: boolean;
}

export type RateLimitStatus = 429 | 503;

export interface SandboxOptions {
  /** Interface to listen on; 127.0.0.1 by default. */
  host?: string;
  /** Port; 4000 by default, 0 for any free port. */
  port?: number;
  /** SQLite database file, or ':memory:' (the default). */
  db?: string;
  /** The apps served; `easemob-demo/chatdemoui` when empty. */
  apps?: SandboxAppConfig[];
  /** Requests a second per client IP, or 'off'. 30 by default, as the seed states. */
  rateLimit?: number | 'off';
  /** Status of rate-limited answers: 503 (the 2015 guide, default) or 429 (the service today). */
  rateLimitStatus?: RateLimitStatus;
  /** Token lifetime in seconds when the token request has no `ttl`; 5184000 (60 days) by default. */
  tokenTtlSeconds?: number;
  /** scrypt cost parameter N for password hashes (a power of two, 16 to 65536). By default 1024 for
   * a file database, where a stolen file must stay expensive to reverse, and 16 in memory, where no
   * hash is ever written anywhere (so that registration keeps up with 30 batches of 60 a second). */
  scryptCost?: number;
  /** Host names the control API (/_sandbox/) accepts besides the listen address and loopback
   * names, e.g. a container's service name; "*" accepts any. Empty by default. */
  controlHosts?: string[];
  /** HTTP timeouts: whole headers (10 s), whole request (30 s), idle keep-alive connection (5 s). */
  timeouts?: { headersMs?: number; requestMs?: number; idleMs?: number };
  /** The clock, in ms since the epoch; Date.now by default. The control API can move it forward. */
  now?: () => number;
  /** One line per request (method, path, status, ms); never headers or bodies. Off by default. */
  log?: (line: string) => void;
}

export const DEFAULT_APP: SandboxAppConfig = { org: 'easemob-demo', app: 'chatdemoui' };
export const DEFAULT_RATE_LIMIT = 30;
export const DEFAULT_TOKEN_TTL_SECONDS = 5_184_000;
export const DEFAULT_SCRYPT_COST_FILE = 1024;
export const DEFAULT_SCRYPT_COST_MEMORY = 16;
export const MIN_SCRYPT_COST = 16;
export const MAX_SCRYPT_COST = 65536;
export const DEFAULT_TIMEOUTS = { headersMs: 10_000, requestMs: 30_000, idleMs: 5_000 };
export const MAX_BODY_BYTES = 1024 * 1024;
