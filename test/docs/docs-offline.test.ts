// The docs page (dist/docs/index.html, built by `npm run docs`) must work with no network:
// every request that leaves 127.0.0.1 is blocked, and the page must still load its script,
// hydrate, and show every operation.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDescription } from '../../src/contract/description.ts';
import { listOperations } from '../../src/contract/operations.ts';
import { launchChromium } from '../support/browser.ts';
import { serveFile, type RunningServer } from '../support/static-server.ts';

const page = fileURLToPath(new URL('../../dist/docs/index.html', import.meta.url));
/** Written by the screenshot test, for a person to look at (dist/ is not committed). */
const screenshot = fileURLToPath(new URL('../../dist/docs/screenshot.png', import.meta.url));
const description = loadDescription();
const summaries = listOperations(description).map((op) => String(op.operation.summary));
const tags = (description.tags as Array<{ name: string }>).map((tag) => tag.name);

/**
 * The machine's CJK fonts, as fontconfig lists them. CI installs one (.ci/run, fonts-wqy-microhei)
 * and so always expects glyphs; a machine with none can only show boxes, whatever the page does.
 */
function cjkFonts(): string[] {
  try {
    return execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).split('\n').filter(Boolean);
  } catch {
    return [];
  }
}
const expectGlyphs = process.env.CI === 'true' || cjkFonts().length > 0;

let browser: Browser;
let server: RunningServer;

beforeAll(async () => {
  if (!existsSync(page)) throw new Error('dist/docs/index.html is missing: run `npm run docs` first');
  if (!expectGlyphs) console.warn('docs page: no CJK font on this machine (fc-list :lang=zh), so the glyph test does not run: Chinese can only be drawn as boxes here');
  server = await serveFile(page);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/**
 * Redoc hydrates the pre-rendered HTML with React: the container is marked once its script ran.
 * Without the inlined script (a CDN load, blocked here) this never happens. The script is
 * unpacked first (scripts/docs-page.ts), which can end after the page's load event.
 */
async function hydrated(tab: Page): Promise<void> {
  await tab.waitForFunction(() => {
    const root = document.getElementById('redoc');
    return !!root && Object.keys(root).some((key) => key.startsWith('__reactContainer'));
  }, undefined, { timeout: 20_000 });
}

describe('the offline docs page', () => {
  it('is built with telemetry off (redocly.yaml): it reports nothing anywhere', () => {
    const options = /const __redoc_options = (\{.*\});/.exec(readFileSync(page, 'utf8'))?.[1];
    expect(JSON.parse(options ?? '{}')).toMatchObject({ disableTelemetry: true });
  });

  it('renders every operation of the description with every non-local request blocked', async () => {
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

    await hydrated(tab);

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

    // What the page needs (script, styles, fonts) is inline, it reports nothing anywhere
    // (telemetry is off), and its policy keeps Redoc from fetching Redocly's logo: nothing leaves.
    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('works opened from disk (file://), its packed Redoc script unpacked and run with nothing fetched', async () => {
    const context = await browser.newContext();
    const fetched: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      fetched.push(url);
      return route.abort('internetdisconnected');
    });
    const tab = await context.newPage();
    const pageErrors: string[] = [];
    tab.on('pageerror', (error) => pageErrors.push(error.message));
    await tab.goto(pathToFileURL(page).href, { waitUntil: 'load' });
    await hydrated(tab);
    await tab.getByText(tags[0]!, { exact: true }).first().click();
    // Redoc opens the tag with its script, after the click returns: wait for the summary (as the
    // first test does) before asking; isVisible() alone does not wait, and on a busy machine it
    // asked too early (a CI run, with lint beside it).
    const summary = tab.getByText(summaries[0]!, { exact: true }).first();
    await summary.waitFor({ state: 'visible', timeout: 10_000 }).catch(() => {});
    expect(await summary.isVisible()).toBe(true);
    expect(fetched).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it.runIf(expectGlyphs)('draws the Chinese text with glyphs, not boxes, where the machine has a CJK font', async () => {
    const context = await browser.newContext();
    await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort('internetdisconnected')));
    const tab = await context.newPage();
    await tab.goto(server.baseUrl + '/', { waitUntil: 'load' });
    await hydrated(tab);
    const chinese = tab.getByText(/用户/).first();
    const text = ((await chinese.textContent()) ?? '').replace(/[^\u4e00-\u9fff]/g, '');
    console.log(`CJK fonts: ${cjkFonts().join('; ') || 'none listed'}; drawing ${text.slice(0, 6)}`);
    // Drawn in the element's own font: a missing glyph is drawn as the same box for every
    // character, and as the box of a code point no font has (a private-use one).
    const drawn = await chinese.evaluate((element, characters) => {
      const style = getComputedStyle(element);
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 48;
      const pen = canvas.getContext('2d')!;
      const draw = (character: string): string => {
        pen.clearRect(0, 0, 48, 48);
        pen.font = `32px ${style.fontFamily}`;
        pen.fillText(character, 4, 36);
        return Array.from(pen.getImageData(0, 0, 48, 48).data).join();
      };
      const box = draw('\ue000');
      return characters.map((character) => ({ character, isBox: draw(character) === box }));
    }, [...new Set(text)].slice(0, 6));
    expect(drawn.length).toBeGreaterThanOrEqual(2);
    expect(drawn.filter((c) => c.isBox)).toEqual([]);
    await context.close();
  });

  it('shows, in a screenshot taken offline, an operation with its Chinese text, whole URIs, its examples, and no dangling attribution', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort('internetdisconnected')));
    const tab = await context.newPage();
    tab.setDefaultTimeout(8_000);
    await tab.goto(server.baseUrl + '/', { waitUntil: 'load' });
    await hydrated(tab);
    await tab.getByText('Contacts', { exact: true }).first().click();
    const operation = String(listOperations(description).find((op) => op.operationId === 'addContact')!.operation.summary);
    await tab.getByText(operation, { exact: true }).first().click();
    // The server list of the operation: three base URLs plus a path with two parameters.
    await tab.getByText('/users/{owner_username}/contacts/users/{friend_username}', { exact: true }).last().click();
    await tab.waitForTimeout(300);
    await tab.screenshot({ path: screenshot });

    // The vendor's Chinese wording is on screen, in a font stack that ends in each platform's CJK fonts.
    const chinese = tab.getByText(/好友/).first();
    expect(await chinese.isVisible()).toBe(true);
    const fonts = await chinese.evaluate((element) => getComputedStyle(element).fontFamily);
    for (const family of ['PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC']) expect(fonts).toContain(family);

    // No URI is cut off: nothing that shows one is narrower than its text.
    const clipped = await tab.evaluate(() =>
      Array.from(document.querySelectorAll('#redoc *'))
        .filter((e) => e.children.length === 0 || e.matches('[data-component-name="Dropdown/DropdownMenuItem"] div'))
        .filter((e) => /https?:\/\/|\/users\//.test(e.textContent ?? '') && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible')
        .map((e) => e.textContent),
    );
    expect(clipped).toEqual([]);
    for (const server of description.servers as Array<{ url: string }>) {
      const base = server.url.replace('{host}', 'a1.easemob.com').replace('{org_name}/{app_name}', 'easemob-demo/chatdemoui');
      expect(await tab.getByText(`${base}/users/{owner_username}/contacts/users/{friend_username}`).first().isVisible()).toBe(true);
    }

    // The username pattern once per parameter, never as merged lookaheads.
    const text = await tab.locator('#redoc').innerText();
    expect(text).not.toContain('(?=');
    // Redoc cuts a long pattern to its start and "..." (a toggle shows the rest).
    const { pattern } = (description.components as { schemas: Record<string, { pattern: string }> }).schemas.Username!;
    const shown = text.split('\n').filter((line) => line.startsWith(pattern.slice(0, 10)));
    expect(shown.length).toBeGreaterThan(0);
    for (const line of shown) expect(pattern.startsWith(line.replace(/\.\.\.$/, ''))).toBe(true);
    // No "API docs by" left without its logo.
    expect(await tab.getByText('API docs by').isVisible().catch(() => false)).toBe(false);

    // Examples: the answer's note on where it comes from, and its JSON.
    await tab.keyboard.press('Escape');
    const { examples } = description.components as { examples: Record<string, { summary: string; description: string }> };
    expect(await tab.getByText(examples.AddContactResponse!.description.replace(/`/g, ''), { exact: true }).first().isVisible()).toBe(true);
    expect(await tab.getByText('"action"').first().isVisible()).toBe(true);
    // Where an operation has several, the chooser shows the first one's whole label.
    await tab.getByText('Users', { exact: true }).first().click();
    await tab.getByText(String(listOperations(description).find((op) => op.operationId === 'createUsers')!.operation.summary), { exact: true }).first().click();
    const chooser = tab.getByText(examples.CreateUserRequest!.summary, { exact: true }).first();
    expect(await chooser.isVisible()).toBe(true);
    expect(await chooser.evaluate((e) => e.scrollWidth <= e.clientWidth + 1)).toBe(true);
    await tab.screenshot({ path: screenshot.replace('.png', '-examples.png') });
    await context.close();
  });
});
