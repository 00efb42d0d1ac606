// Calls to a sandbox started by a test, each answer held against the description: the status must
// be documented for the operation the request matches (a 5xx may fall to `default`), and the body
// must validate against the documented schema. Requests that match no operation (unknown routes,
// the control API) are returned unchecked.
import { expect } from 'vitest';
import { ContractChecker, formatViolation } from '../../../src/contract/check-exchange.ts';
import { loadDescription } from '../../../src/contract/description.ts';
import { startSandbox, type Sandbox, type SandboxApp, type SandboxOptions } from '../../../src/sandbox/index.ts';

const description = loadDescription();

export interface Answer {
  status: number;
  headers: Headers;
  // Answers are JSON of many shapes; tests read what they assert.
  body: any;
  text: string;
  operationId: string | undefined;
}

export interface CallOptions {
  token?: string;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as is. */
  raw?: string;
  headers?: Record<string, string>;
}

/** Every answer text any call got, for the secrets test. */
export const answersSeen: string[] = [];

/** The contract checks (src/contract), one checker per app path (/org/app): a checker reads only
 * the base URL's path, and compiling one costs tens of milliseconds, so the sandboxes of all files
 * (each on its own port) share it (issue 10). */
const checkers = new Map<string, ContractChecker>();

function checkAgainstDescription(app: SandboxApp, method: string, url: string, response: Response, text: string): string | undefined {
  const appPath = new URL(app.baseUrl).pathname;
  let checker = checkers.get(appPath);
  if (!checker) checkers.set(appPath, (checker = new ContractChecker(description, app.baseUrl)));
  const result = checker.check({ method, url, status: response.status, headers: response.headers, body: text });
  if (!result.operationId) return undefined;
  expect(result.violations.map(formatViolation), text).toEqual([]);
  return result.operationId;
}

export async function call(app: SandboxApp, method: string, pathAndQuery: string, options: CallOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['content-type'] = 'application/json';
  } else if (options.raw !== undefined) {
    body = options.raw;
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${app.baseUrl}${pathAndQuery}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await response.text();
  answersSeen.push(text);
  const operationId = checkAgainstDescription(app, method, response.url, response, text);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, body: parsed, text, operationId };
}

export function expectError(answer: Answer, status: number, error: string, description?: string | RegExp): void {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.body.error, answer.text).toBe(error);
  if (description !== undefined) {
    if (typeof description === 'string') expect(answer.body.error_description).toBe(description);
    else expect(answer.body.error_description).toMatch(description);
  }
  expect(typeof answer.body.timestamp).toBe('number');
}

export async function getToken(app: SandboxApp, ttl?: number): Promise<string> {
  const answer = await call(app, 'POST', '/token', {
    json: { grant_type: 'client_credentials', client_id: app.clientId, client_secret: app.clientSecret, ...(ttl ? { ttl } : {}) },
  });
  expect(answer.status, answer.text).toBe(200);
  return answer.body.access_token as string;
}

export interface TestSandbox {
  sandbox: Sandbox;
  app: SandboxApp;
  token: string;
  /** Registers users (authorized), asserting success. */
  register(...usernames: string[]): Promise<void>;
  /** A call to the first app with the test's token. */
  api(method: string, pathAndQuery: string, options?: CallOptions): Promise<Answer>;
  /** A control-API call (/_sandbox/...). */
  control(method: string, path: string, json?: unknown): Promise<{ status: number; body: any }>;
}

export async function startTestSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
  const sandbox = await startSandbox({ host: '127.0.0.1', port: 0, rateLimit: 'off', ...options });
  const app = sandbox.apps[0]!;
  const token = await getToken(app);
  const api = (method: string, pathAndQuery: string, callOptions: CallOptions = {}) => call(app, method, pathAndQuery, { token, ...callOptions });
  return {
    sandbox,
    app,
    token,
    api,
    async register(...usernames) {
      for (let i = 0; i < usernames.length; i += 60) {
        const batch = usernames.slice(i, i + 60).map((username) => ({ username, password: `pw-${username}` }));
        const answer = await api('POST', '/users', { json: batch });
        expect(answer.status, answer.text).toBe(200);
        expect(answer.body.data, answer.text).toBeUndefined();
      }
    },
    async control(method, path, json) {
      const response = await fetch(`${sandbox.url}/_sandbox${path}`, {
        method,
        ...(json !== undefined ? { body: JSON.stringify(json), headers: { 'content-type': 'application/json' } } : {}),
      });
      return { status: response.status, body: await response.json() };
    },
  };
}
