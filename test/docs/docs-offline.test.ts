// The docs page (dist/docs/index.html, built by `npm run docs`) must work with no network:
// every request that leaves 127.0.0.1 is blocked, and the page must still load its script,
// hydrate, and show every operation.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDescription } from '../../src/contract/description.ts';
import { listOperations } from '../../src/contract/operations.ts';
import { launchChromium } from '../support/browser.ts';
import { serveFile, type RunningServer } from '../support/static-server.ts';

const page = fileURLToPath(new URL('../../dist/docs/index.html', import.meta.url));
const description = loadDescription();
const summaries = listOperations(description).map((op) => String(op.operation.summary));
const tags = (description.tags as Array<{ name: string }>).map((tag) => tag.name);

let browser: Browser;
let server: RunningServer;

beforeAll(async () => {
  if (!existsSync(page)) throw new Error('dist/docs/index.html is missing: run `npm run docs` first');
  server = await serveFile(page);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the offline docs page', () => {
  it('is built with telemetry off (redocly.yaml): it reports nothing anywhere', () => {
    const options = /const __redoc_options = (\{.*\});/.exec(readFileSync(page, 'utf8'))?.[1];
    expect(JSON.parse(options ?? '{}')).toMatchObject({ disableTelemetry: true });
  });

  it('renders all 20 operations with every non-local request blocked', async () => {
    const context = await browser.newContext();
    const blocked: Array<{ url: string; type: string }> = [];
    const pageErrors: string[] = [];
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1') return route.continue();
      blocked.push({ url: url.href, type: route.request().resourceType() });
      return route.abort('internetdisconnected');
    });
    const tab = await context.newPage();
    tab.on('pageerror', (error) => pageErrors.push(error.message));
    await tab.goto(server.baseUrl + '/', { waitUntil: 'load' });

    // Redoc hydrates the pre-rendered HTML with React: the container is marked once its
    // script ran. Without the inlined script (a CDN load, blocked here) this never happens.
    await tab.waitForFunction(() => {
      const root = document.getElementById('redoc');
      return !!root && Object.keys(root).some((key) => key.startsWith('__reactContainer'));
    }, undefined, { timeout: 20_000 });

    // Redoc 3 lists a tag's operations in the sidebar when the reader opens the tag: its
    // script's work, not the pre-rendered HTML. Open each tag and collect the summaries shown.
    const shown = new Set<string>();
    for (const tag of tags) {
      await tab.getByText(tag, { exact: true }).first().click();
      await tab.waitForTimeout(100);
      const text = await tab.locator('#redoc').innerText();
      for (const summary of summaries) if (text.includes(summary)) shown.add(summary);
    }
    expect(summaries.filter((summary) => !shown.has(summary))).toEqual([]);

    // What the page needs (script, styles, fonts) is inline, and it reports nothing anywhere
    // (telemetry is off): the only thing it may try to fetch from outside is Redocly's logo image.
    expect(blocked.filter((b) => b.type !== 'image')).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
