// The order in which the browser tests find a Chromium (test/support/browser.ts): a fresh
// machine with nothing installed by hand must still get one.
import { describe, expect, it } from 'vitest';
import { chooseBrowser, SYSTEM_BROWSERS } from '../support/browser.ts';

const present = (...paths: string[]) => (path: string) => paths.includes(path);

describe('finding a Chromium', () => {
  it('takes CHROMIUM_PATH first, over the npm-shipped and the system browser', () => {
    const choice = chooseBrowser({ env: { CHROMIUM_PATH: '/opt/c/chrome' }, platform: 'linux', arch: 'x64', exists: present('/opt/c/chrome', '/usr/bin/chromium') });
    expect(choice).toEqual({ source: 'CHROMIUM_PATH', executablePath: '/opt/c/chrome' });
  });

  it('fails on a CHROMIUM_PATH that does not exist rather than quietly using another browser', () => {
    expect(() => chooseBrowser({ env: { CHROMIUM_PATH: '/nowhere/chrome' }, platform: 'linux', arch: 'x64', exists: present('/usr/bin/chromium') })).toThrow(
      'CHROMIUM_PATH=/nowhere/chrome: no such file',
    );
  });

  it('uses the Chromium shipped by npm on Linux x64, whether or not a system one exists', () => {
    expect(chooseBrowser({ env: {}, platform: 'linux', arch: 'x64', exists: present() })).toEqual({ source: 'npm' });
    expect(chooseBrowser({ env: {}, platform: 'linux', arch: 'x64', exists: present('/usr/bin/chromium') })).toEqual({ source: 'npm' });
  });

  it('falls back to a system Chrome or Chromium elsewhere', () => {
    expect(chooseBrowser({ env: {}, platform: 'linux', arch: 'arm64', exists: present('/usr/bin/chromium') })).toEqual({ source: 'system', executablePath: '/usr/bin/chromium' });
    const mac = SYSTEM_BROWSERS.find((p) => p.startsWith('/Applications/Google'))!;
    expect(chooseBrowser({ env: {}, platform: 'darwin', arch: 'arm64', exists: present(mac) })).toEqual({ source: 'system', executablePath: mac });
  });

  it('says how to get one when there is none', () => {
    expect(() => chooseBrowser({ env: {}, platform: 'darwin', arch: 'arm64', exists: present() })).toThrow(/set CHROMIUM_PATH/);
  });
});
