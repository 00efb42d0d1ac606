// The vendor's web SDK (npm easemob-websdk 4.21.1, a pinned dev dependency) in a real headless
// Chromium, on a page of another origin, against a sandbox: the browser decides what the page may
// send and read (CORS), the SDK decides what it sends and how it reads the answers. Every request
// leaving 127.0.0.1 is blocked. The page's scenario is websdk/scenario.js; this side plays the
// app server it needs (app token, control API).
import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Sandbox } from '../../src/sandbox/index.ts';
import { launchChromium } from '../support/browser.ts';
import { serveFile } from '../support/static-server.ts';

export const WEBSDK_APP = { org: 'vendor-sdks', app: 'web', openRegistration: true } as const;

interface AppServerStep {
  contacts: Array<[string, string]>;
  block: [string, string];
  device: [string, string];
}

async function appToken(sandbox: Sandbox): Promise<string> {
  const app = sandbox.apps[0]!;
  const answer = await fetch(`${app.baseUrl}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: app.clientId, client_secret: app.clientSecret }),
  });
  return ((await answer.json()) as { access_token: string }).access_token;
}

/** What the app server does for the scenario: each call must succeed. */
async function appServer(sandbox: Sandbox, step: AppServerStep): Promise<void> {
  const base = sandbox.apps[0]!.baseUrl;
  const headers = { authorization: `Bearer ${await appToken(sandbox)}`, 'content-type': 'application/json' };
  const calls: Array<[string, string, string?]> = [
    ...step.contacts.map(([owner, friend]): [string, string] => ['POST', `${base}/users/${owner}/contacts/users/${friend}`]),
    ['POST', `${base}/users/${step.block[0]}/blocks/users`, JSON.stringify({ usernames: [step.block[1]] })],
    ['POST', `${sandbox.url}/_sandbox/${WEBSDK_APP.org}/${WEBSDK_APP.app}/users/${step.device[0]}/devices`, JSON.stringify({ res: step.device[1] })],
  ];
  for (const [method, url, body] of calls) {
    const answer = await fetch(url, { method, headers, ...(body ? { body } : {}) });
    if (!answer.ok) throw new Error(`app server: ${method} ${url} answered ${answer.status} ${await answer.text()}`);
  }
}

/** Runs the scenario in the page; its `ok`/`FAIL` lines. */
export async function runWebSdk(sandbox: Sandbox): Promise<string[]> {
  const sdk = readFileSync(createRequire(import.meta.url).resolve('easemob-websdk'), 'utf8');
  const scenario = readFileSync(fileURLToPath(new URL('./websdk/scenario.js', import.meta.url)), 'utf8');
  const dir = mkdtempSync(join(tmpdir(), 'easemob-websdk-page-'));
  let site: Awaited<ReturnType<typeof serveFile>> | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  try {
    const page = join(dir, 'index.html');
    // Inline, so the page needs nothing but itself; a `</script` inside would end the element early.
    const inline = (code: string) => `<script>${code.replace(/<\/script/gi, '<\\/script')}</script>`;
    writeFileSync(page, `<!doctype html><meta charset="utf-8"><title>a web app on the Easemob web SDK</title>${inline(sdk)}${inline(scenario)}`);
    // The page's server is stopped, and the folder removed, even when the browser does not start.
    site = await serveFile(page);
    browser = await launchChromium();
    const context = await browser.newContext();
    await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort('internetdisconnected')));
    const tab = await context.newPage();
    await tab.exposeFunction('appServer', (step: AppServerStep) => appServer(sandbox, step));
    await tab.goto(`${site.baseUrl}/`);
    return await tab.evaluate(
      (config) => (window as unknown as { runScenario(c: typeof config): Promise<string[]> }).runScenario(config),
      { apiUrl: sandbox.url, appKey: `${WEBSDK_APP.org}#${WEBSDK_APP.app}`, prefix: 'web' },
    );
  } finally {
    await browser?.close();
    await site?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
