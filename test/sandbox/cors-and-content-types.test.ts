// What browsers and other clients send beyond application/json: CORS (Usergrid's filter) and
// JSON bodies with other Content-Types or none.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, expectError, startTestSandbox, type TestSandbox } from './support/sandbox-calls.ts';

let t: TestSandbox;

beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.sandbox.close());

const ORIGIN = 'http://app.example.test:8080';

/** A request with exactly these headers (fetch would add its own Content-Type to a string body). */
function rawRequest(method: string, url: string, headers: Record<string, string>, body?: string) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }>((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('CORS on API paths', () => {
  it('answers a preflight on any API path with 200, echoing the origin, method and headers asked for', async () => {
    for (const path of ['/token', '/users', '/users/anyone/contacts/users/other', '/no/such/api']) {
      const answer = await rawRequest('OPTIONS', `${t.app.baseUrl}${path}`, {
        origin: ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,authorization',
      });
      expect(answer.status, path).toBe(200);
      expect(answer.headers['access-control-allow-origin']).toBe(ORIGIN);
      expect(answer.headers['access-control-allow-credentials']).toBe('true');
      expect(answer.headers['access-control-allow-methods']).toBe('POST');
      expect(answer.headers['access-control-allow-headers']).toBe('content-type,authorization');
    }
  });

  it('carries the headers on successes and on errors alike', async () => {
    const ok = await call(t.app, 'POST', '/token', {
      headers: { origin: ORIGIN },
      json: { grant_type: 'client_credentials', client_id: t.app.clientId, client_secret: t.app.clientSecret },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const error = await call(t.app, 'GET', '/users/nobody', { token: t.token, headers: { origin: ORIGIN } });
    expectError(error, 404, 'service_resource_not_found');
    expect(error.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(error.headers.get('access-control-allow-credentials')).toBe('true');
    const unknownApp = await fetch(`${t.sandbox.url}/no-org/no-app/users`, { headers: { origin: ORIGIN } });
    expect(unknownApp.status).toBe(400);
    expect(unknownApp.headers.get('access-control-allow-origin')).toBe(ORIGIN);
  });

  it('sends no allow-origin to a request without an Origin', async () => {
    const answer = await call(t.app, 'GET', '/users', { token: t.token });
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('never offers the control API to other sites', async () => {
    const preflight = await rawRequest('OPTIONS', `${t.sandbox.url}/_sandbox/clock`, { origin: ORIGIN, 'access-control-request-method': 'POST' });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const answer = await rawRequest('POST', `${t.sandbox.url}/_sandbox/clock`, { origin: ORIGIN, 'content-type': 'application/json' }, '{"advance_ms":0}');
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('JSON bodies whatever their Content-Type', () => {
  it.each([
    ['application/json', { 'content-type': 'application/json' }],
    ['text/plain;charset=UTF-8 (a browser sending a string)', { 'content-type': 'text/plain;charset=UTF-8' }],
    ['application/x-www-form-urlencoded (PHP curl with CURLOPT_POSTFIELDS)', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['no Content-Type (Java SDK 1.x, Python requests with data=)', {}],
  ])('parses the body sent as %s', async (_name, headers) => {
    const body = JSON.stringify({ grant_type: 'client_credentials', client_id: t.app.clientId, client_secret: t.app.clientSecret });
    const answer = await rawRequest('POST', `${t.app.baseUrl}/token`, headers, body);
    expect(answer.status, answer.text).toBe(200);
    expect(JSON.parse(answer.text).access_token).toMatch(/^YWMt/);
  });

  it('still answers 400 json_parse to a body that is not JSON, whatever its Content-Type', async () => {
    const answer = await rawRequest('POST', `${t.app.baseUrl}/token`, { 'content-type': 'text/plain' }, 'grant_type=client_credentials');
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text).error).toBe('json_parse');
  });
});
