// The suite's way of calling a target: every request goes through the throttle and every
// answer through the contract checks (src/contract), which collect violations and coverage.
// Usernames the suite creates carry the run's prefix and are deleted at the end.
import { randomBytes } from 'node:crypto';
import { ContractChecker, type Violation } from '../check-exchange.ts';
import { contractFetch } from '../contract-fetch.ts';
import type { Coverage } from '../coverage.ts';
import type { Description } from '../description.ts';
import { createRateLimiter, type RateLimiter } from '../../client/index.ts';
import type { ContractTarget } from './target.ts';

export interface CallOptions {
  query?: Record<string, string | number>;
  /** JSON-encoded for the request. */
  body?: unknown;
  /** Sent as it is (for malformed JSON and oversized bodies). */
  rawBody?: string;
  /** The body's Content-Type; application/json unless given (user attributes are form-encoded). */
  contentType?: string;
  /** undefined: the app token; null: no Authorization header; a string: that token. */
  token?: string | null;
  /** Another app base URL (for the unknown-app case). */
  baseUrl?: string;
  /** Skip the throttle: only the rate-limit probe, which means to go over the limit. */
  unthrottled?: boolean;
}

export interface CallResult {
  status: number;
  // The suite reads answers loosely; their shape is what the contract checks hold.
  body: any;
  headers: Headers;
}

/** Prism's proxy reports a broken answer as a 500 of this type, and in this header. */
const PRISM_VIOLATIONS = 'https://stoplight.io/prism/errors#VIOLATIONS';

export class Api {
  readonly target: ContractTarget;
  readonly description: Description;
  readonly prefix: string;
  readonly created = new Set<string>();
  readonly prismViolations: string[] = [];
  /** The client secret and every token an answer carried: whoever prints a failure hides them. */
  readonly secrets = new Set<string>();
  readonly #checked: ReturnType<typeof contractFetch>;
  readonly #limiter: RateLimiter;
  #ticket = 0;
  #token: string | undefined;
  #serial = 0;

  constructor(target: ContractTarget, description: Description, coverage: Coverage) {
    this.target = target;
    this.description = description;
    this.prefix = `ct${randomBytes(4).toString('hex')}_`;
    this.secrets.add(target.clientSecret);
    this.#checked = contractFetch(new ContractChecker(description, target.baseUrl), coverage);
    this.#limiter = createRateLimiter({ limit: target.callsPerSecond, intervalMs: 1000 });
  }

  get violations(): Violation[] {
    return this.#checked.violations;
  }

  /** `inner`, paced by this suite's one throttle: a second limiter would not know of these calls. */
  throttled(inner: typeof fetch): typeof fetch {
    return (input, init) => this.#paced(() => inner(input, init));
  }

  /** Sends within the client's rate limiter, which holds each slot until the answer arrives. */
  async #paced(send: () => Promise<Response>): Promise<Response> {
    const slot = await this.#limiter.acquire(this.#ticket++);
    try {
      const response = await send();
      slot.answered();
      return response;
    } catch (error) {
      slot.failed();
      throw error;
    }
  }

  /** A fresh username of this run, e.g. `ct1a2b3c4d_u7`; created ones are deleted at the end. */
  username(label = 'u'): string {
    return `${this.prefix}${label}${++this.#serial}`;
  }

  async token(): Promise<string> {
    if (!this.#token) {
      const answer = await this.call('POST', '/token', {
        token: null,
        body: { grant_type: 'client_credentials', client_id: this.target.clientId, client_secret: this.target.clientSecret },
      });
      if (answer.status !== 200) throw new Error(`could not get an app token: ${answer.status} ${JSON.stringify(answer.body)}`);
      this.#token = answer.body.access_token as string;
    }
    return this.#token;
  }

  async call(method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
    const url = new URL(`${options.baseUrl ?? this.target.baseUrl}${path}`);
    for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, String(value));
    const headers: Record<string, string> = {};
    const token = options.token === undefined ? await this.token() : options.token;
    if (token !== null) headers.authorization = `Bearer ${token}`;
    let body: string | undefined;
    if (options.rawBody !== undefined || options.body !== undefined) {
      headers['content-type'] = options.contentType ?? 'application/json';
      body = options.rawBody ?? JSON.stringify(options.body);
    }
    const send = () => this.#checked.fetch(url, { method, headers, ...(body !== undefined && { body }) });
    const response = options.unthrottled ? await send() : await this.#paced(send);
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // kept as text; the contract checks report a body that is not JSON
    }
    const issued = (parsed as { access_token?: unknown } | undefined)?.access_token;
    if (typeof issued === 'string' && issued) this.secrets.add(issued);
    const reported = response.headers.get('sl-violations');
    if (reported || (parsed as { type?: string } | undefined)?.type === PRISM_VIOLATIONS) {
      this.prismViolations.push(`${method} ${path}: ${reported ?? text}`);
    }
    return { status: response.status, body: parsed, headers: response.headers };
  }

  /** Registers users of this run (remembered for clean-up); fails the scenario unless it worked. */
  async createUsers(...usernames: string[]): Promise<void> {
    const body = usernames.map((username) => ({ username, password: 'Passw0rd-ct' }));
    const answer = await this.call('POST', '/users', { body: body.length === 1 ? body[0] : body });
    if (answer.status !== 200) throw new Error(`could not create ${usernames.join(', ')}: ${answer.status} ${JSON.stringify(answer.body)}`);
    for (const username of usernames) this.created.add(username);
  }

  /** Deletes every user this run created, whatever happened meanwhile. */
  async cleanUp(): Promise<void> {
    for (const username of this.created) {
      const answer = await this.call('DELETE', `/users/${username}`);
      if (answer.status === 200 || answer.status === 404) this.created.delete(username);
    }
  }
}

/** The sandbox-only control API (not part of the description, so not contract-checked). */
export async function control(target: ContractTarget, method: string, path: string, body: unknown): Promise<void> {
  if (!target.sandbox) throw new Error('this scenario needs the sandbox control API');
  const response = await fetch(`${target.sandbox.controlUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`control ${method} ${path}: ${response.status} ${await response.text()}`);
}
