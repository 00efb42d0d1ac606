// Property: whatever bytes arrive on a connection (malformed request lines, headers, framing,
// chunking, stray bytes after a request), the sandbox answers each request with JSON (an error
// in the service's format, or a result) or closes cleanly, never answers a 5xx, and stays
// responsive afterwards (issue 10).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.ts';
import { getToken } from './support/sandbox-calls.ts';
import { rawExchange } from './support/raw-http.ts';

let sandbox: Sandbox;
let token: string;
let prefix: string;
const logged: string[] = [];
const statuses = new Map<number, number>();
let tried = 0;

beforeAll(async () => {
  sandbox = await startSandbox({ host: '127.0.0.1', port: 0, rateLimit: 'off', log: (line) => logged.push(line), timeouts: { headersMs: 300, requestMs: 400 } });
  token = await getToken(sandbox.apps[0]!);
  prefix = new URL(sandbox.apps[0]!.baseUrl).pathname;
  await fetch(`${sandbox.apps[0]!.baseUrl}/users`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify([{ username: 'jliu', password: 'p' }, { username: 'other', password: 'p' }]),
  });
});
afterAll(async () => {
  await sandbox.close();
});

// Mostly well-formed shapes with one thing wrong, so that requests get past the request line.
const methods = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE') },
  { weight: 1, arbitrary: fc.constantFrom('HEAD', 'OPTIONS', 'PATCH', 'get', 'Post', 'CONNECT', 'TRACE', 'PRI', '', 'G\0T', 'GET GET') },
);
const paths = fc.oneof(
  fc.constantFrom('/users', '/users/jliu', '/users/jliu/password', '/users/jliu/contacts/users/other', '/users/jliu/blocks/users', '/token', '/users/%2e', '/users/..', '/users/%zz', '/users/jliu?limit=abc', '/users?limit=1&cursor=%00'),
  fc.string({ maxLength: 40 }).map((s) => `/${s}`),
  fc.uint8Array({ maxLength: 20 }).map((bytes) => `/${Buffer.from(bytes).toString('latin1')}`),
);
const targets = fc.oneof(paths.map((p) => `${prefix}${p}`), paths, fc.constantFrom('*', '/_sandbox/clock', '/docs', 'http://127.0.0.1/x', ''));
const versions = fc.oneof({ weight: 6, arbitrary: fc.constant('HTTP/1.1') }, { weight: 1, arbitrary: fc.constantFrom('HTTP/1.0', 'HTTP/2.0', 'HTTP/1.1 extra', 'http/1.1', '') });
const header = fc.oneof(
  fc.constantFrom(
    'Host: 127.0.0.1',
    `Authorization: Bearer TOKEN`,
    'Authorization: Bearer YWMtbroken',
    'Content-Type: application/json',
    'Content-Type: text/plain',
    'Content-Length: 2',
    'Content-Length: 0',
    'Content-Length: -1',
    'Content-Length: 99999999999999999999',
    'Content-Length: 5, 6',
    'Transfer-Encoding: chunked',
    'Transfer-Encoding: gzip, chunked',
    'Transfer-Encoding: identity',
    'Expect: 100-continue',
    'Connection: close',
    'Upgrade: websocket',
    'Origin: http://evil.example',
    'X-Folded: a\r\n b',
    ': no-name',
    'No-Colon',
    'Bad Name: x',
    'X-Nul: a\0b',
  ),
  fc.tuple(fc.stringMatching(/^[A-Za-z-]{1,12}$/), fc.string({ maxLength: 30 })).map(([n, v]) => `${n}: ${v}`),
);
const body = fc.oneof(
  fc.constantFrom('', '{}', '[]', '{"username":"x","password":"p"}', '{"newpassword":"n"}', '{"usernames":["other"]}', '2\r\n{}\r\n0\r\n\r\n', 'zz\r\n{}\r\n', '5\r\n{}\r\n', '0\r\n\r\n'),
  fc.string({ maxLength: 60 }),
  fc.uint8Array({ maxLength: 60 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
);
const lineEnd = fc.oneof({ weight: 6, arbitrary: fc.constant('\r\n') }, { weight: 1, arbitrary: fc.constantFrom('\n', '\r') });
const request = fc
  .tuple(methods, targets, versions, fc.array(header, { maxLength: 6 }), lineEnd, body, fc.boolean())
  .map(([method, target, version, headers, eol, payload, twice]) => {
    const head = [`${method} ${target} ${version}`.trimEnd(), 'Host: 127.0.0.1', `Authorization: Bearer ${token}`, ...headers].join(eol);
    const one = `${head}${eol}${eol}${payload}`;
    return Buffer.from(twice ? one + one : one, 'latin1');
  });
const anyBytes = fc.oneof({ weight: 4, arbitrary: request }, { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 200 }).map((b) => Buffer.from(b)) });

// The runs are shared among a few properties run side by side (issue 10): an exchange the
// sandbox leaves open waits out its timeouts (up to 700 ms here), and one after another those waits
// were most of the file's time. Each property draws its own seed; together they try as many inputs.
const RUNS = Number(process.env.HOSTILE_RUNS ?? 400);
const SIDE_BY_SIDE = 4;

describe.concurrent('any bytes on a connection', () => {
  it.for(Array.from({ length: SIDE_BY_SIDE }, (_, i) => i))('answers with JSON or a clean close, never a 5xx, and stays responsive (share %i)', { timeout: 120_000 }, async (_share, { expect }) => {
    await fc.assert(
      fc.asyncProperty(anyBytes, async (bytes) => {
        tried++;
        const exchange = await rawExchange(sandbox.url, bytes, 700, bytes.subarray(0, 5).toString('latin1') === 'HEAD ');
        for (const response of exchange.responses) {
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          expect(response.status, bytes.toString('latin1')).toBeLessThan(500);
          // Every answer has a JSON body, except static files, redirects and HEAD answers.
          if (response.body !== '' && !/^(text\/html|application\/yaml)/.test(response.headers['content-type'] ?? '')) {
            expect(response.json, `${bytes.toString('latin1')}\n→ ${exchange.text}`).toBeDefined();
          }
          if (response.status >= 400 && response.body !== '') expect(response.json.error, exchange.text).toEqual(expect.any(String));
        }
        expect(exchange.leftover, `${bytes.toString('latin1')}\n→ ${exchange.text}`).toBe('');
        if (exchange.responses.length === 0) expect(exchange.closedByServer || exchange.text === '', exchange.text).toBe(true);
        // Still responsive.
        const answer = await fetch(`${sandbox.apps[0]!.baseUrl}/users/jliu`, { headers: { authorization: `Bearer ${token}` } });
        expect([200, 404]).toContain(answer.status);
      }),
      { numRuns: Math.ceil(RUNS / SIDE_BY_SIDE) },
    );
  });
});

it('logged no internal error or 5xx for any of them', () => {
  expect(tried).toBeGreaterThanOrEqual(RUNS);
  expect(logged.filter((line) => /internal error| 5\d\d /.test(line))).toEqual([]);
  console.log(`hostile bytes: ${tried} tried; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}; 5xx: ${[...statuses].filter(([s]) => s >= 500).length}`);
});
