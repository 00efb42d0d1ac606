// Replaying what a public client sends, byte for byte: the request line, the headers in the
// client's order, the body and its framing (Content-Length, chunked, or bytes after the headers
// with no framing at all), written to a raw socket (node:net), so that nothing of Node's own HTTP
// client changes what goes on the wire. Each answer is held against the description with the
// shared contract checker (src/contract) and returned parsed, for the test to hold against the
// fields that client reads.
import { connect } from 'node:net';
import { expect } from 'vitest';
import { ContractChecker, formatViolation } from '../../../src/contract/check-exchange.ts';
import { loadDescription } from '../../../src/contract/description.ts';
import { startSandbox, type Sandbox, type SandboxApp, type SandboxOptions } from '../../../src/sandbox/index.ts';

const description = loadDescription();

/** How the body follows the headers. */
export type Framing =
  /** `Content-Length: n` (added here, after the client's headers). */
  | 'length'
  /** `Transfer-Encoding: chunked`, one chunk and the last (Node's http.request after req.write). */
  | 'chunked'
  /** The body bytes right after the headers, with no Content-Length and no chunking. */
  | 'unframed';

export interface ReplayRequest {
  method: string;
  /** Path and query after the app prefix, exactly as the client writes it, e.g. `/users?limit=5`. */
  path: string;
  /**
   * Header lines in the client's order, name and value as the client writes them. A `Host` line
   * gets the sandbox's host:port as its value; without one, Host is written first.
   */
  headers?: Array<[string, string]>;
  body?: string;
  framing?: Framing;
}

export interface ReplayAnswer {
  status: number;
  /** Response headers, names lower-cased. */
  headers: Record<string, string>;
  text: string;
  // Answers are JSON of many shapes; each test reads what its client reads.
  json: any;
  operationId: string | undefined;
}

export interface CompatTarget {
  sandbox: Sandbox;
  app: SandboxApp;
  /** An app token, fetched as the suite's own setup (not part of any replay). */
  appToken: string;
  stop(): Promise<void>;
}

export async function startCompatTarget(options: SandboxOptions = {}): Promise<CompatTarget> {
  const sandbox = await startSandbox({ host: '127.0.0.1', port: 0, rateLimit: 'off', scryptCost: 1024, ...options });
  const app = sandbox.apps[0]!;
  const response = await fetch(`${app.baseUrl}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: app.clientId, client_secret: app.clientSecret }),
  });
  const appToken = ((await response.json()) as { access_token: string }).access_token;
  return { sandbox, app, appToken, stop: () => sandbox.close() };
}

function requestBytes(target: CompatTarget, request: ReplayRequest): Buffer {
  const { host, pathname } = new URL(target.app.baseUrl);
  const headers = request.headers ?? [];
  // A client's Host line is kept where the client writes it, with the sandbox's host:port.
  const hasHost = headers.some(([name]) => name.toLowerCase() === 'host');
  const lines = [`${request.method} ${pathname}${request.path} HTTP/1.1`, ...(hasHost ? [] : [`Host: ${host}`])];
  for (const [name, value] of headers) lines.push(`${name}: ${name.toLowerCase() === 'host' ? host : value}`);
  const body = request.body === undefined ? undefined : Buffer.from(request.body, 'utf8');
  const framing = request.framing ?? 'length';
  if (body !== undefined && framing === 'length') lines.push(`Content-Length: ${body.length}`);
  if (body !== undefined && framing === 'chunked') lines.push('Transfer-Encoding: chunked');
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
  if (body === undefined) return head;
  if (framing === 'chunked') {
    const chunk = body.length > 0 ? Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n')]) : Buffer.alloc(0);
    return Buffer.concat([head, chunk, Buffer.from('0\r\n\r\n')]);
  }
  return Buffer.concat([head, body]);
}

/** Reads the first HTTP answer on the connection (the sandbox always sends Content-Length). */
function readAnswer(received: Buffer): { status: number; headers: Record<string, string>; text: string } | undefined {
  const end = received.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [statusLine = '', ...headerLines] = received.subarray(0, end).toString('latin1').split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
  const length = headers['content-length'] === undefined ? undefined : Number(headers['content-length']);
  const body = received.subarray(end + 4);
  if (length !== undefined && body.length < length) return undefined;
  return { status, headers, text: body.subarray(0, length ?? body.length).toString('utf8') };
}

/** Sends the bytes on a fresh connection and resolves with the first answer on it. */
export function exchange(target: CompatTarget, request: ReplayRequest): Promise<{ status: number; headers: Record<string, string>; text: string }> {
  const { hostname, port } = new URL(target.app.baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    let received = Buffer.alloc(0);
    let settled = false;
    const finish = () => {
      if (settled) return;
      const answer = readAnswer(received);
      settled = true;
      socket.destroy();
      if (answer) resolve(answer);
      else reject(new Error(`no complete HTTP answer to ${request.method} ${request.path}: ${JSON.stringify(received.toString('latin1'))}`));
    };
    socket.setTimeout(10_000, finish);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (readAnswer(received)) finish();
    });
    socket.on('end', finish);
    socket.on('close', finish);
    socket.on('error', (error) => {
      if (!settled) {
        settled = true;
        reject(error);
      }
    });
    socket.write(requestBytes(target, request));
  });
}

const checkers = new Map<string, ContractChecker>();

/**
 * Replays the request and holds the answer against the description: the status must be
 * documented for the operation the request names, and the body must validate. OPTIONS (a
 * preflight) is not an operation of the description and is returned unchecked.
 */
export async function replay(target: CompatTarget, request: ReplayRequest): Promise<ReplayAnswer> {
  const answer = await exchange(target, request);
  let json: unknown;
  try {
    json = JSON.parse(answer.text);
  } catch {
    json = undefined;
  }
  let operationId: string | undefined;
  if (request.method !== 'OPTIONS') {
    // One checker per app path: it reads only the base URL's path, and each costs a compile (issue 10).
    const appPath = new URL(target.app.baseUrl).pathname;
    let checker = checkers.get(appPath);
    if (!checker) checkers.set(appPath, (checker = new ContractChecker(description, target.app.baseUrl)));
    const result = checker.check({ method: request.method, url: `${target.app.baseUrl}${request.path}`, status: answer.status, headers: answer.headers, body: answer.text });
    expect(result.violations.map(formatViolation), `${request.method} ${request.path}: ${answer.status} ${answer.text}`).toEqual([]);
    operationId = result.operationId;
  }
  return { ...answer, json, operationId };
}

/** Registers users with the app token (setup a replay builds on, not itself a replay). */
export async function registerUsers(target: CompatTarget, ...usernames: string[]): Promise<void> {
  const response = await fetch(`${target.app.baseUrl}/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${target.appToken}` },
    body: JSON.stringify(usernames.map((username) => ({ username, password: '123456' }))),
  });
  expect(response.status, await response.clone().text()).toBe(200);
}

/** Marks a user online and queues an offline message, through the sandbox's control API. */
export async function control(target: CompatTarget, method: string, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${target.sandbox.url}/_sandbox/${target.app.org}/${target.app.app}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
}
