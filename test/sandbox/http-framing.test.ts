// Errors raised by the HTTP layer itself, and request framing (issue 10, item 2). Raw sockets:
// fetch cannot send any of these. Every error is a 4xx with the service's JSON error body, and a
// request is either answered with an error and not performed, or performed and answered with
// its result; never both, never neither.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.ts';
import { getToken } from './support/sandbox-calls.ts';
import { rawExchange, type RawResponse } from './support/raw-http.ts';

function expectJsonError(response: RawResponse | undefined, status: number): void {
  expect(response, 'an answer').toBeDefined();
  expect(response!.status).toBe(status);
  expect(response!.headers['content-type']).toMatch(/^application\/json/);
  expect(response!.json).toMatchObject({ error: expect.any(String), error_description: expect.any(String), timestamp: expect.any(Number) });
}

describe('the HTTP layer', () => {
  let sandbox: Sandbox;
  let token: string;
  let prefix: string;
  const logged: string[] = [];
  const auth = () => `Host: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\n`;

  async function register(...names: string[]) {
    const app = sandbox.apps[0]!;
    const answer = await fetch(`${app.baseUrl}/users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(names.map((username) => ({ username, password: 'pw' }))),
    });
    expect(answer.status).toBe(200);
  }
  async function exists(name: string): Promise<boolean> {
    const answer = await fetch(`${sandbox.apps[0]!.baseUrl}/users/${name}`, { headers: { authorization: `Bearer ${token}` } });
    return answer.status === 200;
  }

  beforeAll(async () => {
    sandbox = await startSandbox({ host: '127.0.0.1', port: 0, rateLimit: 'off', log: (line) => logged.push(line), timeouts: { headersMs: 400, requestMs: 600 } });
    token = await getToken(sandbox.apps[0]!);
    prefix = new URL(sandbox.apps[0]!.baseUrl).pathname;
  });
  afterAll(async () => {
    expect(logged.filter((line) => /internal error/.test(line))).toEqual([]);
    await sandbox.close();
  });

  const malformed: Array<[string, number, string | Buffer]> = [
    ['headers over 16 KiB', 431, `GET /x HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`],
    ['a request line over 16 KiB', 414, `GET /${'a'.repeat(20_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`],
    ['a duplicate Content-Length', 400, `POST /a/b/users HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}`],
    ['Content-Length with Transfer-Encoding', 400, `POST /a/b/users HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n{}`],
    ['NUL in the request line', 400, Buffer.from('GET /a\0b HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', 'latin1')],
    ['invalid UTF-8 in the request line', 400, Buffer.concat([Buffer.from('GET /a'), Buffer.from([0xff, 0xc3]), Buffer.from(' HTTP/1.1\r\n\r\n')])],
    ['a lowercase method', 400, 'get /openapi.json HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'],
    ['a bad HTTP version', 400, 'GET /openapi.json HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n'],
    ['CONNECT', 405, 'CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1:22\r\n\r\n'],
    ['bare garbage', 400, '\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03'],
  ];
  it.each(malformed)('answers %s with a JSON %i and closes', async (_name, status, bytes) => {
    const exchange = await rawExchange(sandbox.url, bytes);
    expect(exchange.responses).toHaveLength(1);
    expectJsonError(exchange.responses[0], status);
    expect(exchange.responses[0]!.headers.connection).toBe('close');
    expect(exchange.closedByServer).toBe(true);
    expect(exchange.leftover).toBe('');
  });

  it('answers a malformed chunked body with a JSON 400, and does not perform the request', async () => {
    await register('chunky');
    const exchange = await rawExchange(sandbox.url, `DELETE ${prefix}/users/chunky HTTP/1.1\r\n${auth()}Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`);
    expect(exchange.responses).toHaveLength(1);
    expectJsonError(exchange.responses[0], 400);
    expect(await exists('chunky')).toBe(true);
    const post = await rawExchange(sandbox.url, `POST ${prefix}/users HTTP/1.1\r\n${auth()}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n[{"us\r\nxx\r\n`);
    expectJsonError(post.responses[0], 400);
  });

  // The vendor's Node.js example (easemob/emchat-server-examples, emchat-server-nodejs) writes
  // `{}` on every request with neither Content-Length nor chunking.
  it.each(['GET', 'DELETE'])('performs a %s followed by unframed bytes once, and answers it with its result', async (method) => {
    const name = `stray${method.toLowerCase()}`;
    await register(name);
    const exchange = await rawExchange(sandbox.url, `${method} ${prefix}/users/${name} HTTP/1.1\r\n${auth()}Content-Type: application/json\r\n\r\n{}`);
    expect(exchange.responses).toHaveLength(1);
    const [answer] = exchange.responses;
    expect(answer!.status).toBe(200);
    expect(answer!.json.entities[0].username).toBe(name);
    expect(exchange.leftover).toBe('');
    expect(await exists(name)).toBe(method === 'GET');
  });

  it('still answers the stray bytes case when they arrive in a later packet', async () => {
    await register('laterbytes');
    const exchange = await rawExchange(sandbox.url, [`DELETE ${prefix}/users/laterbytes HTTP/1.1\r\n${auth()}\r\n`, '{}']);
    expect(exchange.responses[0]!.status).toBe(200);
    expect(await exists('laterbytes')).toBe(false);
  });

  it('answers a body shorter than its Content-Length with 408 once the request timeout passes', async () => {
    await register('slowbody');
    const started = Date.now();
    const exchange = await rawExchange(
      sandbox.url,
      `PUT ${prefix}/users/slowbody HTTP/1.1\r\n${auth()}Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"nickname":`,
      5_000,
    );
    expect(Date.now() - started).toBeLessThan(4_000);
    expectJsonError(exchange.responses[0], 408);
    expect(exchange.closedByServer).toBe(true);
  });

  it('answers headers that never end with 408', async () => {
    const exchange = await rawExchange(sandbox.url, `GET ${prefix}/users HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: 1\r\n`, 5_000);
    expectJsonError(exchange.responses[0], 408);
  });

  it('keeps serving pipelined requests, and after every error above', async () => {
    const get = `GET ${prefix}/users/chunky HTTP/1.1\r\n${auth()}\r\n`;
    const exchange = await rawExchange(sandbox.url, get + get, 500);
    expect(exchange.responses.map((r) => r.status)).toEqual([200, 200]);
  });

  // The hostile-bytes property found it (20,000 runs): Node writes a Buffer body's head in front
  // of what a queued response already holds, so a pipelined request's `100 Continue` landed
  // between the docs page's head and its body, and the client read 25 stray bytes as body.
  it.each(['/docs', '/openapi.json', '/openapi.yaml'])('answers pipelined GET %s with Expect: 100-continue in order', async (path) => {
    const get = `GET ${path} HTTP/1.1\r\n${auth()}Expect: 100-continue\r\n\r\n`;
    const exchange = await rawExchange(sandbox.url, get + get, 600);
    expect(exchange.responses.map((r) => r.status)).toEqual([100, 200, 100, 200]);
    expect(exchange.leftover).toBe('');
    expect(exchange.responses[1]!.body).toBe(exchange.responses[3]!.body);
  });
});
