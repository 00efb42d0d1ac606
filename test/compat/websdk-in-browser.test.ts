// The web SDKs' calls made by a real browser (Debian's headless Chromium), from a page on another
// origin, as a web app using the SDK makes them: the browser, not this test, decides whether the
// preflight and the answers' CORS headers let the page read each answer. The XHRs are written as
// the SDKs write them (websdk-4.test.ts and websdk-1.test.ts name the source): 4.x sets
// `Content-type` and `Content-Type` to application/json (so a preflight goes first); 1.x sets no
// header (the browser sends text/plain, no preflight). Every request leaving 127.0.0.1 is blocked.
// The same page also plays a web-based OpenAPI tool (Swagger Editor, Scalar, Stoplight, Postman's
// web app), which loads a description from the URL it is given: the sandbox's banner prints one.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.ts';
import { launchChromium } from '../support/browser.ts';
import { serveFile, type RunningServer } from '../support/static-server.ts';

let browser: Browser;
let sandbox: Sandbox;
let site: RunningServer;
let tab: Page;
let api: string;

beforeAll(async () => {
  sandbox = await startSandbox({ host: '127.0.0.1', port: 0, rateLimit: 'off', apps: [{ org: 'easemob-demo', app: 'chatdemoui', openRegistration: true }] });
  api = sandbox.apps[0]!.baseUrl;
  const page = join(mkdtempSync(join(tmpdir(), 'websdk-page-')), 'index.html');
  writeFileSync(page, '<!doctype html><title>web app using the Easemob web SDK</title>');
  site = await serveFile(page);
  browser = await launchChromium();
  const context = await browser.newContext();
  await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort('internetdisconnected')));
  tab = await context.newPage();
  await tab.goto(`${site.baseUrl}/`);
});
afterAll(async () => {
  await browser?.close();
  await site?.stop();
  await sandbox?.close();
});

interface XhrResult {
  status: number;
  body: string;
}

/** An XHR from the page; status 0 is the browser refusing the page the answer (CORS). */
function xhr(method: string, url: string, headers: Array<[string, string]>, body: string): Promise<XhrResult> {
  return tab.evaluate(
    ({ method, url, headers, body }) =>
      new Promise<XhrResult>((resolve) => {
        const request = new XMLHttpRequest();
        request.open(method, url);
        for (const [name, value] of headers) request.setRequestHeader(name, value);
        request.onloadend = () => resolve({ status: request.status, body: request.responseText });
        request.send(body);
      }),
    { method, url, headers, body },
  );
}

const SDK4_HEADERS: Array<[string, string]> = [['Content-type', 'application/json'], ['Content-Type', 'application/json']];

describe('web SDK calls from a page on another origin, in Chromium', () => {
  it('4.x signup and login (preflighted), then updateCurrentUserNick with the user token', async () => {
    const signup = await xhr('POST', `${api}/users`, SDK4_HEADERS, JSON.stringify({ username: 'browser4', password: 'pw-4', nickname: '' }));
    expect(signup.status, signup.body).toBe(200);
    const login = await xhr('POST', `${api}/token`, SDK4_HEADERS, JSON.stringify({ grant_type: 'password', username: 'browser4', password: 'pw-4', timestamp: Date.now() }));
    expect(login.status, login.body).toBe(200);
    const { access_token: token, expires_in: expiresIn } = JSON.parse(login.body) as { access_token: string; expires_in: number };
    expect(expiresIn).toBeGreaterThan(0);
    const nick = await xhr('PUT', `${api}/users/browser4`, [['Authorization', `Bearer ${token}`], ['Content-Type', 'application/json']], JSON.stringify({ nickname: 'B4' }));
    expect(nick.status, nick.body).toBe(200);
  });

  it('4.x login with a wrong password: the page reads the error body', async () => {
    const login = await xhr('POST', `${api}/token`, SDK4_HEADERS, JSON.stringify({ grant_type: 'password', username: 'browser4', password: 'wrong', timestamp: Date.now() }));
    expect(login.status).toBe(400);
    expect(JSON.parse(login.body).error_description).toBe('invalid password');
  });

  it('1.x signup and login: no headers set, the browser sends text/plain', async () => {
    const signup = await xhr('POST', `${api}/users`, [], JSON.stringify({ username: 'browser1', password: 'pw-1', nickname: '' }));
    expect(signup.status, signup.body).toBe(200);
    const login = await xhr('POST', `${api}/token`, [], JSON.stringify({ grant_type: 'password', username: 'browser1', password: 'pw-1', timestamp: Date.now() }));
    expect(login.status, login.body).toBe(200);
    expect(typeof JSON.parse(login.body).access_token).toBe('string');
  });

  it("the control API is not the page's to call: the browser refuses it the answer", async () => {
    const result = await xhr('POST', `${sandbox.url}/_sandbox/clock`, [['Content-Type', 'application/json']], '{"advance_ms":0}');
    expect(result.status).toBe(0);
  });
});

describe("a web-based OpenAPI tool loading the sandbox's description from its URL", () => {
  it.each(['/openapi.json', '/openapi.yaml'])('reads %s from another origin', async (path) => {
    const read = await tab.evaluate(async (url) => {
      try {
        const answer = await fetch(url);
        return { status: answer.status, start: (await answer.text()).slice(0, 40) };
      } catch (error) {
        return { status: 0, start: String(error) }; // the browser refused the page the answer
      }
    }, `${sandbox.url}${path}`);
    expect(read.status, read.start).toBe(200);
    expect(read.start).toMatch(/openapi/);
  });
});
