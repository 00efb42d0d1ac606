// A real headless Chromium for the browser tests, found with no manual install:
//   1. CHROMIUM_PATH, when set (it must exist: a wrong path is an error, not a fallback);
//   2. on Linux x64, the Chromium shipped inside the npm package @sparticuz/chromium (a dev
//      dependency: `npm install` brings it from the npm registry as a brotli-packed binary,
//      unpacked into the temp folder on first use; it downloads nothing at run time);
//   3. a system Chrome or Chromium where one is installed (Debian's chromium, macOS apps).
// Test tools' own browser downloads (`playwright install`) fail on the CI machine, so none is used.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export type BrowserChoice =
  | { source: 'CHROMIUM_PATH' | 'system'; executablePath: string }
  | { source: 'npm' };

export interface Platform {
  env: Record<string, string | undefined>;
  platform: string;
  arch: string;
  exists: (path: string) => boolean;
}

/** Decides which browser to launch; pure, so the order itself is tested. */
export function chooseBrowser({ env, platform, arch, exists }: Platform): BrowserChoice {
  const chosen = env.CHROMIUM_PATH;
  if (chosen) {
    if (!exists(chosen)) throw new Error(`CHROMIUM_PATH=${chosen}: no such file`);
    return { source: 'CHROMIUM_PATH', executablePath: chosen };
  }
  if (platform === 'linux' && arch === 'x64') return { source: 'npm' };
  const system = SYSTEM_BROWSERS.find(exists);
  if (system) return { source: 'system', executablePath: system };
  throw new Error(
    `no Chromium found: @sparticuz/chromium ships one for Linux x64 only; on ${platform} ${arch} install Chrome or Chromium, or set CHROMIUM_PATH`,
  );
}

const HEADLESS_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

export async function launchChromium(): Promise<Browser> {
  const choice = chooseBrowser({ env: process.env, platform: process.platform, arch: process.arch, exists: existsSync });
  if (choice.source !== 'npm') return chromium.launch({ executablePath: choice.executablePath, args: HEADLESS_ARGS });
  // It unpacks into os.tmpdir() and reuses whatever `chromium` it finds there, whichever version
  // left it: a folder of its own per version keeps a stale or foreign binary out.
  const entry = createRequire(import.meta.url).resolve('@sparticuz/chromium'); // …/build/index.js; package.json is not exported
  const version = (JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string }).version;
  const unpackTo = join(tmpdir(), `easemob-user-api-chromium-${version}`);
  mkdirSync(unpackTo, { recursive: true });
  // Its fontconfig reads only its own folders (made for AWS Lambda), so the machine's fonts are
  // invisible to it: a page's Chinese shows as boxes even where a CJK font is installed. A real
  // browser sees the system's fonts; so does this one, through a fonts.conf of its own.
  process.env.FONTCONFIG_PATH ??= systemFontsConfig(join(unpackTo, 'fontconfig'), join(unpackTo, 'fonts'));
  const savedTmpdir = process.env.TMPDIR;
  process.env.TMPDIR = unpackTo;
  try {
    const { default: packaged } = await import('@sparticuz/chromium');
    // Its own flags (software GL, no sandbox) are what this build is made to run with, less
    // --single-process (made for AWS Lambda), under which a second browser context hangs, and
    // less --disable-web-security, which turns CORS off: the browser tests must see what a real
    // browser refuses a page (test/compat/websdk-in-browser.test.ts).
    const UNWANTED = new Set(['--single-process', '--disable-web-security']);
    const args = packaged.args.filter((arg) => !UNWANTED.has(arg));
    return await chromium.launch({ executablePath: await packaged.executablePath(), args: [...args, '--disable-background-networking'] });
  } finally {
    if (savedTmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmpdir;
  }
}

/** A fontconfig folder whose fonts.conf lists the machine's font folders and the package's own. */
function systemFontsConfig(dir: string, packagedFonts: string): string {
  mkdirSync(dir, { recursive: true });
  const dirs = ['/usr/share/fonts', '/usr/local/share/fonts', join(process.env.HOME ?? '/nonexistent', '.fonts'), packagedFonts, '/tmp/fonts'];
  writeFileSync(
    join(dir, 'fonts.conf'),
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n${dirs.map((d) => `  <dir>${d}</dir>`).join('\n')}\n  <cachedir>${join(dir, 'cache')}</cachedir>\n</fontconfig>\n`,
  );
  return dir;
}
