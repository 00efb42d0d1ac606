// startSandbox(): a stateful local Easemob on node:http and node:sqlite, for tests and for
// `npm start` (src/cli/sandbox.ts). See docs/sandbox.md.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClock } from './clock.ts';
import { createControlGuard } from './control/control-guard.ts';
import {
  DEFAULT_APP,
  DEFAULT_RATE_LIMIT,
  DEFAULT_SCRYPT_COST_FILE,
  DEFAULT_SCRYPT_COST_MEMORY,
  DEFAULT_TIMEOUTS,
  DEFAULT_TOKEN_TTL_SECONDS,
  type SandboxAppConfig,
  type SandboxOptions,
} from './options.ts';
import { checkOptions } from './check-options.ts';
import { createRateLimiter } from './rate-limiter.ts';
import { newClientId, newClientSecret } from './security/client-credentials.ts';
import { verifyPassword } from './security/password-hash.ts';
import { guardConnections } from './http/connection-guard.ts';
import { createRequestListener } from './server.ts';
import type { AppRecord } from './storage/apps-store.ts';
import { createStore, type Store } from './storage/store.ts';

export type { SandboxAppConfig, SandboxOptions } from './options.ts';
export { SandboxOptionError } from './check-options.ts';

export interface SandboxApp {
  org: string;
  app: string;
  /** The app's UUID (`application` in answers). */
  uuid: string;
  /** e.g. http://127.0.0.1:4000/easemob-demo/chatdemoui */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** Whether the credentials were generated at this start (the CLI prints them then). */
  generatedCredentials: boolean;
}

export interface Sandbox {
  /** http://host:port */
  url: string;
  apps: SandboxApp[];
  /** Moves the sandbox's clock forward, e.g. to expire tokens. */
  advanceClock(ms: number): void;
  /** For tests: whether `password` is the user's password now (the hash never leaves). */
  checkPassword(org: string, app: string, username: string, password: string): Promise<boolean>;
  close(): Promise<void>;
}

function ensureApp(store: Store, config: SandboxAppConfig): { record: AppRecord; generated: boolean } {
  const existing = store.apps.find(config.org, config.app);
  if (!existing) {
    const generated = !config.clientId || !config.clientSecret;
    const record = store.apps.create({
      org: config.org,
      name: config.app,
      uuid: randomUUID(),
      clientId: config.clientId ?? newClientId(),
      clientSecret: config.clientSecret ?? newClientSecret(),
      openRegistration: config.openRegistration ?? false,
    });
    return { record, generated };
  }
  if (config.clientId || config.clientSecret) {
    store.apps.setCredentials(existing.id, config.clientId ?? existing.clientId, config.clientSecret ?? existing.clientSecret);
  }
  if (config.openRegistration !== undefined) store.apps.setOpenRegistration(existing.id, config.openRegistration);
  return { record: store.apps.find(config.org, config.app)!, generated: false };
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  checkOptions(options);
  const inMemory = (options.db ?? ':memory:') === ':memory:';
  const host = options.host ?? '127.0.0.1';
  const clock = createClock(options.now);
  const store = createStore(options.db ?? ':memory:', clock.now);
  const configs = options.apps && options.apps.length > 0 ? options.apps : [DEFAULT_APP];
  const ensured = configs.map((config) => ensureApp(store, config));

  const limit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  let origin = '';
  let listenAddress = host;
  const listener = createRequestListener({
    store,
    clock,
    settings: {
      tokenTtlSeconds: options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS,
      scryptCost: options.scryptCost ?? (inMemory ? DEFAULT_SCRYPT_COST_MEMORY : DEFAULT_SCRYPT_COST_FILE),
    },
    rateLimiter: limit === 'off' ? undefined : createRateLimiter(limit, clock.now),
    rateLimitStatus: options.rateLimitStatus ?? 503,
    origin: () => origin,
    log: options.log,
    controlGuard: createControlGuard(() => [host, listenAddress], options.controlHosts),
    apps: ensured.map(({ record }) => ({ org: record.org, app: record.name })),
  });
  // Timeouts a local test server needs: a client that stops sending mid-request is answered 408
  // and let go within seconds, not after Node's 300 s default (issue 10).
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const server = createServer({
    headersTimeout: Math.min(timeouts.headersMs, timeouts.requestMs),
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.idleMs,
    connectionsCheckingInterval: Math.min(1_000, timeouts.headersMs),
    // Node answers an HTTP/1.1 request without Host with an empty 400 of its own; the API needs no
    // Host, and the control API refuses a missing one with its JSON error (control-guard.ts).
    requireHostHeader: false,
  });
  const track = guardConnections(server, clock.now);
  server.on('request', (req, res) => {
    track(req, res);
    listener(req, res);
  });
  let address: AddressInfo;
  try {
    address = await listen(server, options.port ?? 4000, host);
  } catch (error) {
    store.close();
    throw error;
  }
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  origin = `http://${shownHost}:${address.port}`;
  listenAddress = address.address;

  return {
    url: origin,
    apps: ensured.map(({ record, generated }) => ({
      org: record.org,
      app: record.name,
      uuid: record.uuid,
      baseUrl: `${origin}/${encodeURIComponent(record.org)}/${encodeURIComponent(record.name)}`,
      clientId: record.clientId,
      clientSecret: record.clientSecret,
      generatedCredentials: generated,
    })),
    advanceClock: (ms) => clock.advance(ms),
    async checkPassword(org, app, username, password) {
      const appRecord = store.apps.find(org, app);
      const user = appRecord && store.users.find(appRecord.id, username);
      return user ? verifyPassword(password, user.passwordHash) : false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          store.close();
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
