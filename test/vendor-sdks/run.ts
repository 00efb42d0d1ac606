// `npm run test:vendor-sdks`: the vendor's own published SDKs, run for real against a sandbox.
// test/compat/ replays, byte for byte, what the vendor's clients send; this runs the clients
// themselves, as released, so their own encoding, parsing and error mapping meet the sandbox
// (docs/vendor-sdks.md):
//   - the Java server SDK 1.x, com.easemob.im:im-sdk-core 0.6.6 from Maven Central (java.ts);
//   - the web SDK, npm easemob-websdk 4.21.1, in a headless Chromium (websdk.ts).
// Each gets a sandbox of its own on 127.0.0.1:0, always stopped. Each `ok`/`FAIL` line a scenario
// prints is one test; a scenario that stops before its checks is one failure. A missing
// toolchain fails the run when CI=true.
import { startSandbox, type Sandbox, type SandboxAppConfig } from '../../src/sandbox/index.ts';
import { startCheckingProxy } from '../support/checking-proxy.ts';
import { onPath } from '../generators/harness.ts';
import { JAVA_APP, runJavaSdk } from './java.ts';
import { KNOWN_DIFFERENCES } from './known-differences.ts';
import { runWebSdk, WEBSDK_APP } from './websdk.ts';

interface SdkCase {
  name: string;
  toolchain: string[];
  app: SandboxAppConfig;
  run(sandbox: Sandbox): Promise<string>;
}

const cases: SdkCase[] = [
  { name: 'Java · com.easemob.im:im-sdk-core 0.6.6', toolchain: ['java', 'mvn'], app: JAVA_APP, run: runJavaSdk },
  { name: 'Web · easemob-websdk 4.21.1 in Chromium', toolchain: [], app: WEBSDK_APP, run: async (sandbox) => (await runWebSdk(sandbox)).join('\n') },
];

const isCheck = (line: string) => /^(ok|FAIL) /.test(line);
let passed = 0;
let failed = 0;
let skipped = 0;

for (const c of cases) {
  console.log(`\n── ${c.name} ──`);
  const missing = c.toolchain.filter((command) => !onPath(command));
  if (missing.length) {
    console.error(`!! MISSING TOOLCHAIN: did NOT run (not on PATH: ${missing.join(', ')})`);
    if (process.env.CI === 'true') failed++;
    else skipped++;
    continue;
  }
  // The rate limit is off: neither SDK throttles itself and each scenario makes dozens of calls a
  // second; the limit has its own tests (test/sandbox/limits-and-bad-input.test.ts, hardening.test.ts).
  const sandbox = await startSandbox({ host: '127.0.0.1', port: 0, rateLimit: 'off', apps: [c.app] });
  // The SDK talks to the sandbox through a proxy that holds every request it sends and every
  // answer against the description (test/support/checking-proxy.ts), as the generators' do.
  const proxy = await startCheckingProxy(sandbox.apps[0]!.baseUrl);
  const throughProxy: Sandbox = { ...sandbox, url: new URL(proxy.baseUrl).origin, apps: sandbox.apps.map((app) => ({ ...app, baseUrl: proxy.baseUrl })) };
  const started = Date.now();
  let output: string;
  try {
    output = await c.run(throughProxy);
    const known = KNOWN_DIFFERENCES.filter((d) => c.name.startsWith(d.sdk) && proxy.violations.some((v) => d.exchange.test(v)));
    const broken = proxy.violations.filter((v) => !known.some((d) => d.exchange.test(v)));
    for (const d of known) console.log(`  known difference (known-differences.ts): ${d.why}`);
    output += broken.length
      ? `\nFAIL every exchange matches the description, but for its known differences: ${broken.length} do not\n${broken.map((v) => `  ${v}`).join('\n')}`
      : `\nok every exchange matches the description, but for ${known.length} known differences (requests and answers, through the checking proxy)`;
  } catch (error) {
    output = `FAILED before its checks: ${error instanceof Error ? `${error.message}\n${(error as { output?: string }).output ?? ''}` : String(error)}`;
    failed++;
  } finally {
    await proxy.close();
    await sandbox.close();
  }
  const lines = output.split('\n').filter(isCheck);
  if (!lines.length && !output.startsWith('FAILED before')) {
    output = `FAILED: no checks ran\n${output}`;
    failed++;
  }
  for (const line of lines) console.log(line);
  const caseFailed = lines.filter((line) => line.startsWith('FAIL ')).length;
  passed += lines.length - caseFailed;
  failed += caseFailed;
  // On failure, what else the run printed (stack traces, the SDK's own logging), without the checks again.
  if (caseFailed || !lines.length) console.error(output.split('\n').filter((line) => !isCheck(line)).slice(-40).join('\n'));
  console.log(`${lines.length} checks in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

// The plain closing line .ci/run adds up with the other runners'.
console.log(`\nvendor-sdks: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (failed || (skipped && process.env.CI === 'true')) process.exit(1);
