// Issue 10's defects, one test each: deep JSON, the password-reset race, names that address
// something else (dot segments), the control API from another site, the sliding-second rate
// limit, and token pruning.
import { request } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.ts';
import { createRateLimiter } from '../../src/sandbox/rate-limiter.ts';
import { createStore } from '../../src/sandbox/storage/store.ts';
import { EXPIRED_TOKEN_GRACE_MS, MAX_TOKENS_PER_APP } from '../../src/sandbox/storage/tokens-store.ts';
import { expectError, getToken, startTestSandbox, type TestSandbox } from './support/sandbox-calls.ts';
import { rawExchange } from './support/raw-http.ts';
import { busiestWindow } from '../support/busiest-window.ts';

const deep = (depth: number, leaf: string) => '['.repeat(depth) + leaf + ']'.repeat(depth);

describe('deeply nested JSON', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox();
    await t.register('owner', 'friend');
  });
  afterAll(() => t.sandbox.close());

  it('answers 400 json_parse for a username nested 5,000 deep, in a user and in a batch', async () => {
    expectError(await t.api('POST', '/users', { raw: `{"username":${deep(5000, '"x"')},"password":"p"}` }), 400, 'json_parse');
    expectError(await t.api('POST', '/users', { raw: `[{"username":${deep(5000, '1')},"password":"p"}]` }), 400, 'json_parse');
  });

  it('answers 400 for a blocked username nested 5,000 deep', async () => {
    expectError(await t.api('POST', '/users/owner/blocks/users', { raw: `{"usernames":[${deep(5000, '"friend"')}]}` }), 400, 'json_parse');
  });

  it('still takes shallow structures where a name should be, with the service text', async () => {
    expectError(await t.api('POST', '/users', { json: { username: [[['x']]], password: 'p' } }), 400, 'illegal_argument', 'username [an array] is not legal');
  });
});

describe('a password reset racing a delete', () => {
  let t: TestSandbox;
  // An expensive hash (about 20–100 ms here) leaves the delete time to land while it runs.
  beforeAll(async () => {
    t = await startTestSandbox({ scryptCost: 16384 });
  });
  afterAll(() => t.sandbox.close());

  it('answers 404, not 200, when the user is deleted while the new hash is computed (10 races)', async () => {
    for (let i = 0; i < 10; i++) {
      const name = `racy${i}`;
      await t.register(name);
      const reset = t.api('PUT', `/users/${name}/password`, { json: { newpassword: 'new-password' } });
      await new Promise((resolve) => setTimeout(resolve, 5));
      const deleted = await t.api('DELETE', `/users/${name}`);
      expect(deleted.status).toBe(200);
      expectError(await reset, 404, 'service_resource_not_found');
    }
  });

  it('does not set the password of a user registered again under the name meanwhile', async () => {
    await t.register('reborn');
    const reset = t.api('PUT', '/users/reborn/password', { json: { newpassword: 'stolen' } });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await t.api('DELETE', '/users/reborn')).status).toBe(200);
    expect((await t.api('POST', '/users', { json: { username: 'reborn', password: 'fresh' } })).status).toBe(200);
    expectError(await reset, 404, 'service_resource_not_found');
    const { org, app } = t.app;
    expect(await t.sandbox.checkPassword(org, app, 'reborn', 'fresh')).toBe(true);
  });
});

describe('dot segments', () => {
  let t: TestSandbox;
  let prefix: string;
  beforeAll(async () => {
    t = await startTestSandbox();
    await t.register('oldest', 'other');
    prefix = new URL(t.app.baseUrl).pathname;
  });
  afterAll(() => t.sandbox.close());

  it.each(['.', '..'])('refuses to register %j: no URL could name that user', async (username) => {
    expectError(await t.api('POST', '/users', { json: { username, password: 'p' } }), 400, 'illegal_argument', `username [${username}] is not legal`);
    expectError(await t.api('POST', '/users', { json: [{ username: 'fine', password: 'p' }, { username, password: 'p' }] }), 400, 'illegal_argument');
  });

  const paths = [
    ['GET', '/users/.'],
    ['GET', '/users/%2e'],
    ['GET', '/users/%2E%2e'],
    ['DELETE', '/users/%2e?limit=1'],
    ['DELETE', '/users/..?limit=1'],
    ['DELETE', '/users/oldest/contacts/users/..'],
    ['GET', '/users/x/../oldest'],
    ['PUT', '/users/./password'],
  ];
  // Side by side (issue 10): each exchange waits its 300 ms for what else the sandbox might send.
  it.concurrent.for(paths)('answers %s %s with 400 and acts on nothing', async ([method, path], { expect }) => {
    const body = method === 'PUT' ? '{"newpassword":"x"}' : '';
    const exchange = await rawExchange(
      t.sandbox.url,
      `${method} ${prefix}${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${t.token}\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
      300,
    );
    expect(exchange.responses[0]?.status).toBe(400);
    expect(exchange.responses[0]?.json.error).toBe('illegal_argument');
    const list = await t.api('GET', '/users');
    expect(list.body.entities.map((u: { username: string }) => u.username)).toEqual(['oldest', 'other']);
  });

  it('refuses dot segments on the control API too', async () => {
    const exchange = await rawExchange(
      t.sandbox.url,
      `PUT /_sandbox/${t.app.org}/${t.app.app}/users/%2e%2e/online HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 15\r\n\r\n{"online":true}`,
      300,
    );
    expect(exchange.responses[0]?.status).toBe(400);
  });
});

describe('the control API from another site', () => {
  let sandbox: Sandbox;
  let open: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ host: '127.0.0.1', port: 0, rateLimit: 'off' });
    open = await startSandbox({ host: '127.0.0.1', port: 0, rateLimit: 'off', controlHosts: ['sandbox.internal'] });
  });
  afterAll(async () => {
    await sandbox.close();
    await open.close();
  });

  function send(target: Sandbox, method: string, headers: Record<string, string>, body?: string): Promise<{ status: number; headers: Record<string, unknown>; json: any }> {
    const url = new URL(`${target.url}/_sandbox/clock`);
    return new Promise((resolve, reject) => {
      const req = request({ host: url.hostname, port: url.port, path: url.pathname, method, headers: { ...headers, ...(body ? { 'content-length': String(Buffer.byteLength(body)) } : {}) } }, (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, json: text ? JSON.parse(text) : undefined }));
      });
      req.on('error', reject);
      req.end(body);
    });
  }
  const move = '{"advance_seconds":1}';
  const port = () => new URL(sandbox.url).port;

  it('moves the clock for a JSON request to a loopback name or the listen address', async () => {
    for (const host of [`127.0.0.1:${port()}`, `localhost:${port()}`, `LOCALHOST:${port()}`]) {
      expect((await send(sandbox, 'POST', { host, 'content-type': 'application/json' }, move)).status).toBe(200);
    }
  });

  it('refuses a simple cross-site request: text/plain with a foreign Origin and Host (issue 10)', async () => {
    const before = (await send(sandbox, 'POST', { host: `127.0.0.1:${port()}`, 'content-type': 'application/json' }, '{"advance_seconds":0}')).json.now;
    const answer = await send(sandbox, 'POST', { host: `evil.example:${port()}`, origin: 'http://evil.example', 'content-type': 'text/plain' }, move);
    expect(answer.status).toBe(403);
    expect(answer.json.error).toBe('forbidden_service_operation');
    const after = (await send(sandbox, 'POST', { host: `127.0.0.1:${port()}`, 'content-type': 'application/json' }, '{"advance_seconds":0}')).json.now;
    expect(after - before).toBeLessThan(1000);
  });

  it('refuses a body that is not JSON (415), a foreign Host (403), a foreign Origin (403)', async () => {
    const host = `127.0.0.1:${port()}`;
    expect((await send(sandbox, 'POST', { host, 'content-type': 'text/plain' }, move)).status).toBe(415);
    expect((await send(sandbox, 'POST', { host, 'content-type': 'application/x-www-form-urlencoded' }, move)).status).toBe(415);
    expect((await send(sandbox, 'POST', { host: `rebound.example:${port()}`, 'content-type': 'application/json' }, move)).status).toBe(403);
    expect((await send(sandbox, 'POST', { host, origin: 'http://evil.example', 'content-type': 'application/json' }, move)).status).toBe(403);
    expect((await send(sandbox, 'POST', { host, origin: 'null', 'content-type': 'application/json' }, move)).status).toBe(403);
  });

  it('answers no preflight, and no answer carries CORS headers', async () => {
    const preflight = await send(sandbox, 'OPTIONS', {
      host: `127.0.0.1:${port()}`,
      origin: 'http://evil.example',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type',
    });
    expect(preflight.status).toBeGreaterThanOrEqual(400);
    const ok = await send(sandbox, 'POST', { host: `127.0.0.1:${port()}`, 'content-type': 'application/json' }, move);
    for (const answer of [preflight, ok]) expect(Object.keys(answer.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
  });

  it('accepts a host allowed with controlHosts (containers)', async () => {
    const p = new URL(open.url).port;
    expect((await send(open, 'POST', { host: `sandbox.internal:${p}`, 'content-type': 'application/json' }, move)).status).toBe(200);
    expect((await send(open, 'POST', { host: `other.internal:${p}`, 'content-type': 'application/json' }, move)).status).toBe(403);
  });
});

describe('the rate limit counts sliding seconds', () => {
  it('admits 30 just before a second boundary, and none of the next 30 just after (issue 10)', async () => {
    let clock = 1_800_000_000_900; // 100 ms before a boundary
    const sandbox = await startSandbox({ host: '127.0.0.1', port: 0, now: () => clock });
    try {
      const app = sandbox.apps[0]!;
      const token = await getToken(app); // 1 request
      const get = () => fetch(`${app.baseUrl}/users`, { headers: { authorization: `Bearer ${token}` } });
      const before = await Promise.all(Array.from({ length: 29 }, get));
      expect(before.map((r) => r.status)).toEqual(Array(29).fill(200));
      clock += 150; // the next calendar second
      const after = await Promise.all(Array.from({ length: 30 }, get));
      expect(after.map((r) => r.status)).toEqual(Array(30).fill(503));
      expect(after[0]!.headers.get('retry-after')).toBe('1');
      clock += 850; // a full second after the first 30
      expect((await get()).status).toBe(200);
    } finally {
      await sandbox.close();
    }
  });

  it('never admits more than the limit in any sliding second, whatever the arrival times', () => {
    let worst = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 400 })), { minLength: 1, maxLength: 400 }), (limit, gaps) => {
        let now = 0;
        const limiter = createRateLimiter(limit, () => now);
        const admitted: number[] = [];
        for (const gap of gaps) {
          now += gap;
          if (limiter.take('10.0.0.1').admitted) admitted.push(now);
        }
        const most = busiestWindow(admitted, 1000);
        if (limit === 30) worst = Math.max(worst, most);
        return most <= limit;
      }),
      { numRuns: 300 },
    );
    // And at the default limit under a long overload (about 100 a second offered for 100 s).
    let now = 0;
    const limiter = createRateLimiter(30, () => now);
    const admitted: number[] = [];
    for (let i = 0; i < 10_000; i++) {
      now += (i * 7919) % 21; // 0–20 ms apart, deterministic
      if (limiter.take('10.0.0.2').admitted) admitted.push(now);
    }
    worst = Math.max(worst, busiestWindow(admitted, 1000));
    expect(worst).toBe(30);
    console.log(`rate limit: most admitted in any sliding second at the default limit of 30: ${worst} (${admitted.length} of 10,000 admitted over ${(now / 1000).toFixed(0)} s)`);
  });
});

describe('token pruning', () => {
  it('drops tokens a week past expiry, and keeps an app to its newest 10,000', () => {
    let now = 1_800_000_000_000;
    const store = createStore(':memory:', () => now);
    try {
      const app = store.apps.create({ org: 'o', name: 'a', uuid: 'u', clientId: 'i', clientSecret: 's', openRegistration: false });
      for (let i = 0; i < 300; i++) store.tokens.insert(`short${i}`, app.id, now + 1000);
      now += EXPIRED_TOKEN_GRACE_MS - 10_000;
      store.tokens.prune(app.id);
      expect(store.tokens.find('short0')).toBeDefined(); // expired, still answers expired_token
      now += 20_000;
      store.tokens.prune(app.id);
      expect(store.tokens.find('short0')).toBeUndefined();
      for (let i = 0; i < MAX_TOKENS_PER_APP + 600; i++) store.tokens.insert(`long${i}`, app.id, now + 86_400_000);
      expect(store.tokens.count()).toBeLessThanOrEqual(MAX_TOKENS_PER_APP + 256);
      expect(store.tokens.find(`long${MAX_TOKENS_PER_APP + 599}`)).toBeDefined();
      expect(store.tokens.find('long0')).toBeUndefined();
    } finally {
      store.close();
    }
  });
});
