// `npm run test:vendor-sdks`: the vendor's own published SDKs, run for real against a sandbox.
// test/compat/ replays, byte for byte, what the vendor's clients send; this runs the clients
// themselves, as released, so their own encoding, parsing and error mapping meet the sandbox.
// Today one SDK is published where this machine can fetch it: the Java server SDK 1.x
// (com.easemob.im:im-sdk-core 0.6.6 on Maven Central; docs/vendor-sdks.md lists what is not and why).
//
// Maven resolves the SDK's class path; Java runs the scenario as a single source file against a
// sandbox started for it on 127.0.0.1:0 and always stopped. Each `ok`/`FAIL` line the scenario
// prints is one test. A missing toolchain fails the run when CI=true.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSandbox } from '../../src/sandbox/index.ts';
import { CommandFailed, createStep, onPath } from '../generators/harness.ts';

const MAVEN_DEPENDENCY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1';
const sdkDir = fileURLToPath(new URL('./java-im-sdk-core/', import.meta.url));
const credentials = { clientId: 'vendor-sdks', clientSecret: 'vendor-sdks-secret' };
const app = { org: 'vendor-sdks', app: 'java' };

let passed = 0;
let failed = 0;
let skipped = 0;
const missing = ['java', 'mvn'].filter((command) => !onPath(command));

if (missing.length) {
  console.error(`!! MISSING TOOLCHAIN: the vendor's Java SDK did NOT run (not on PATH: ${missing.join(', ')})`);
  if (process.env.CI === 'true') failed++;
  else skipped++;
} else {
  const scratch = mkdtempSync(join(tmpdir(), 'easemob-vendor-sdks-'));
  const log: string[] = [];
  const step = createStep(scratch, log);
  // The rate limit is off: the SDK has no throttle of its own and the scenario makes about 70
  // calls in two seconds; the limit has its own tests (test/sandbox/limits-and-bad-input.test.ts, hardening.test.ts).
  const sandbox = await startSandbox({ host: '127.0.0.1', port: 0, rateLimit: 'off', apps: [{ ...app, ...credentials }] });
  const started = Date.now();
  let output = '';
  try {
    const classPathFile = join(scratch, 'classpath.txt');
    await step.sh('mvn', ['-B', '-q', '--no-transfer-progress', '-Dstyle.color=never', `${MAVEN_DEPENDENCY_PLUGIN}:build-classpath`, `-Dmdep.outputFile=${classPathFile}`], { cwd: sdkDir });
    const classPath = readFileSync(classPathFile, 'utf8').trim();
    console.log('── Java · com.easemob.im:im-sdk-core 0.6.6 ──');
    output = await step.sh('java', ['-cp', classPath, join(sdkDir, 'ImSdkCoreScenario.java')], {
      env: {
        EASEMOB_HOST_URL: sandbox.url,
        EASEMOB_APPKEY: `${app.org}#${app.app}`,
        EASEMOB_CLIENT_ID: credentials.clientId,
        EASEMOB_CLIENT_SECRET: credentials.clientSecret,
        SCENARIO_PREFIX: 'jsdk',
      },
      timeoutMs: 120_000,
    });
  } catch (error) {
    output = error instanceof CommandFailed ? error.output : String(error);
    // A run that stops before or between its checks (no class path, no compile, a crash) fails.
    if (!/^FAIL /m.test(output)) {
      failed++;
      console.error(`FAILED before its checks: ${(error as Error).message}`);
    }
  } finally {
    await sandbox.close();
    rmSync(scratch, { recursive: true, force: true });
  }
  const lines = output.split('\n').filter((line) => /^(ok|FAIL) /.test(line));
  for (const line of lines) console.log(line);
  passed += lines.filter((line) => line.startsWith('ok ')).length;
  failed += lines.filter((line) => line.startsWith('FAIL ')).length;
  // On failure, what else the run printed (stack traces, the SDK's own logging), without the checks again.
  if (failed) console.error(output.split('\n').filter((line) => !/^(ok|FAIL) /.test(line)).slice(-40).join('\n'));
  console.log(`${lines.length} checks in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

// The plain closing line .ci/run adds up with the other runners'.
console.log(`\nvendor-sdks: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (failed || (skipped && process.env.CI === 'true')) process.exit(1);
