// The docs page and the bundled description, served beside the API. The description is the
// bundle with `servers` naming this sandbox first (src/sandbox/served-description.ts).
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bundlePath } from '../../src/contract/description.ts';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.ts';
import { startTestSandbox, type TestSandbox } from './support/sandbox-calls.ts';

type Server = { url: string; description?: string; variables?: unknown; 'x-internal'?: boolean };
const bundle = JSON.parse(readFileSync(bundlePath, 'utf8')) as { servers: Server[] } & Record<string, unknown>;
const production = bundle.servers.filter((s) => s['x-internal'] !== true);

let t: TestSandbox;

beforeAll(async () => {
  t = await startTestSandbox({ rateLimit: 1 });
});
afterAll(() => t.sandbox.close());

/** A GET with the headers given as they are (fetch sets Host itself). */
function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    })
      .on('error', reject)
      .end();
  });
}

it('serves the bundle at /openapi.json and the docs page at /docs, not rate-limited', async () => {
  for (let i = 0; i < 3; i++) {
    const served = await fetch(`${t.sandbox.url}/openapi.json`);
    expect(served.status).toBe(200);
    expect({ ...(await served.json()), servers: bundle.servers }).toEqual(bundle);
  }
  const docs = await fetch(`${t.sandbox.url}/docs`);
  expect(docs.status).toBe(200);
  expect(docs.headers.get('content-type')).toMatch(/text\/html/);
  const root = await fetch(`${t.sandbox.url}/`, { redirect: 'manual' });
  expect(root.status).toBe(302);
  expect(root.headers.get('location')).toBe('/docs');
});

describe('the served description names this sandbox first', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ host: '127.0.0.1', port: 0, rateLimit: 'off', apps: [{ org: 'team', app: 'chat' }, { org: 'team', app: 'chat-staging' }] });
  });
  afterAll(() => sandbox.close());

  // Swagger UI, Scalar and Postman's web app send "Try it out" to the first server: the bundle's
  // first is the production host, which got the sandbox's credentials (test/generators/swagger-ui).
  it('each of its apps at the address it was asked by, then production; no other local server', async () => {
    const { servers } = (await (await fetch(`${sandbox.url}/openapi.json`)).json()) as { servers: Server[] };
    expect(servers.map((s) => s.url)).toEqual([...sandbox.apps.map((app) => app.baseUrl), ...production.map((s) => s.url)]);
    expect(servers[0]!.description).toContain('team#chat');
    expect(servers.slice(2)).toEqual(production);
    const byName = JSON.parse((await get(`${sandbox.url}/openapi.json`, { host: `localhost:${new URL(sandbox.url).port}` })).body) as { servers: Server[] };
    expect(byName.servers[0]!.url).toBe(`http://localhost:${new URL(sandbox.url).port}/team/chat`);
  });

  it('behind a reverse proxy, the address the proxy names (X-Forwarded-Host, X-Forwarded-Proto)', async () => {
    const behind = await get(`${sandbox.url}/openapi.json`, { 'x-forwarded-host': 'sandbox.dev.example, inner.proxy', 'x-forwarded-proto': 'https' });
    expect((JSON.parse(behind.body) as { servers: Server[] }).servers[0]!.url).toBe('https://sandbox.dev.example/team/chat');
    expect(behind.headers.vary).toMatch(/\bhost\b/);
  });

  it('a Host that is not a host name is not written into it: the listening address is', async () => {
    for (const host of ['evil.example/"><script>', 'a b', 'x:99999999', '']) {
      const answer = await get(`${sandbox.url}/openapi.json`, { host, 'x-forwarded-host': host });
      expect(answer.status, host).toBe(200);
      expect((JSON.parse(answer.body) as { servers: Server[] }).servers[0]!.url, host).toBe(sandbox.apps[0]!.baseUrl);
    }
  });

  it('/openapi-3.0.json is the OpenAPI 3.0 conversion, with the same servers', async () => {
    const [json, json30] = await Promise.all([fetch(`${sandbox.url}/openapi.json`), fetch(`${sandbox.url}/openapi-3.0.json`)].map((r) => r.then((a) => a.json() as Promise<Record<string, unknown>>)));
    const conversion = JSON.parse(readFileSync(new URL('../../generated/openapi-3.0.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    expect(json30!.openapi).toBe('3.0.3');
    expect(json30!.servers).toEqual(json!.servers);
    expect({ ...json30, servers: conversion.servers }).toEqual(conversion);
    // Read from web pages of other origins like the bundle (Swagger UI 4 on a docs portal).
    expect((await fetch(`${sandbox.url}/openapi-3.0.json`)).headers.get('access-control-allow-origin')).toBe('*');
  });

  it('/openapi.yaml is the same description, as YAML (its servers as one line of JSON)', async () => {
    const [json, yaml] = await Promise.all([fetch(`${sandbox.url}/openapi.json`).then((r) => r.json()), fetch(`${sandbox.url}/openapi.yaml`).then((r) => r.text())]);
    expect(parse(yaml)).toEqual(json);
  });
});
