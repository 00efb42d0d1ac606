// The vendor's Java server SDK (com.easemob.im:im-sdk-core 0.6.6, Maven Central): Maven resolves
// its class path, and Java runs java-im-sdk-core/ImSdkCoreScenario.java as a single source file,
// so nothing is built into the repository.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Sandbox } from '../../src/sandbox/index.ts';
import { CommandFailed, createStep } from '../generators/harness.ts';

const MAVEN_DEPENDENCY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1';
const sdkDir = fileURLToPath(new URL('./java-im-sdk-core/', import.meta.url));

export const JAVA_APP = { org: 'vendor-sdks', app: 'java', clientId: 'vendor-sdks', clientSecret: 'vendor-sdks-secret' } as const;

/** The scenario's output: its `ok`/`FAIL` lines, and whatever else it printed (stack traces). */
export async function runJavaSdk(sandbox: Sandbox): Promise<string> {
  const scratch = mkdtempSync(join(tmpdir(), 'easemob-vendor-sdks-'));
  const step = createStep(scratch, []);
  try {
    const classPathFile = join(scratch, 'classpath.txt');
    await step.sh('mvn', ['-B', '-q', '--no-transfer-progress', '-Dstyle.color=never', `${MAVEN_DEPENDENCY_PLUGIN}:build-classpath`, `-Dmdep.outputFile=${classPathFile}`], { cwd: sdkDir });
    const classPath = readFileSync(classPathFile, 'utf8').trim();
    // C1 only, for Maven too (.mvn/jvm.config): a JVM that lives seconds ends before C2 pays.
    return await step.sh('java', ['-XX:TieredStopAtLevel=1', '-cp', classPath, join(sdkDir, 'ImSdkCoreScenario.java')], {
      env: {
        EASEMOB_HOST_URL: sandbox.url,
        EASEMOB_APPKEY: `${JAVA_APP.org}#${JAVA_APP.app}`,
        EASEMOB_CLIENT_ID: JAVA_APP.clientId,
        EASEMOB_CLIENT_SECRET: JAVA_APP.clientSecret,
        SCENARIO_PREFIX: 'jsdk',
      },
      timeoutMs: 120_000,
    });
  } catch (error) {
    // A failed check exits non-zero too: its lines are in the output, counted by the caller.
    if (error instanceof CommandFailed && /^(ok|FAIL) /m.test(error.output)) return error.output;
    throw error;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
