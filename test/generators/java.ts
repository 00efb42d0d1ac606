// Java: openapi-generator's Maven plugin (from Maven Central) generates an okhttp-gson client
// inside a small Maven project (test/generators/java/openapi-generator), which Maven compiles and
// runs. The same generator's CLI jar, fetched from Maven Central by Maven (default local
// repository), serves the other languages' openapi-generator cases, and Swagger Codegen's CLI jar
// the Python one.
import { cpSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundlePath, generatorsDir, openapi30Path, type GeneratorCase, type Step } from './harness.ts';

export const OPENAPI_GENERATOR_VERSION = '7.25.0';
export const SWAGGER_CODEGEN_VERSION = '3.0.61';
const MAVEN_DEPENDENCY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1';
const mvn = ['-B', '-q', '--no-transfer-progress', '-Dstyle.color=never'];

const jars = new Map<string, Promise<string>>();
/**
 * A generator's CLI jar (`group:artifact:version`): Maven resolves it from Maven Central into its
 * local repository (where Maven keeps it: `user.home`, not necessarily $HOME) and copies it to a
 * directory of ours, once a run.
 */
function cliJar(step: Step, coordinates: string): Promise<string> {
  const [, artifact, version] = coordinates.split(':');
  const dir = join(tmpdir(), `easemob-${artifact}-${version}`);
  const file = join(dir, `${artifact}-${version}.jar`);
  let jar = jars.get(coordinates);
  if (jar === undefined) {
    jar = existsSync(file)
      ? Promise.resolve(file)
      : step.sh('mvn', [...mvn, `${MAVEN_DEPENDENCY_PLUGIN}:copy`, `-Dartifact=${coordinates}`, `-DoutputDirectory=${dir}`]).then(() => file);
    jars.set(coordinates, jar);
  }
  return jar;
}

/**
 * openapi-generator's CLI on the bundle: `generator`'s client into `out` (relative to the case's
 * directory), with `extra` arguments. With C1 only (-XX:TieredStopAtLevel=1): a JVM that lives a
 * few seconds ends before C2's compilations pay for themselves; each run took half the CPU time
 * (python: 9.0 s of CPU, 5.4 s of wall time before; 4.3 s and 3.4 s after).
 */
export async function openapiGenerate(step: Step, generator: string, out: string, ...extra: string[]): Promise<string> {
  const jar = await cliJar(step, `org.openapitools:openapi-generator-cli:${OPENAPI_GENERATOR_VERSION}`);
  return step.sh('java', ['-XX:TieredStopAtLevel=1', '-jar', jar, 'generate', '-i', bundlePath, '-g', generator, '-o', out, ...extra]);
}

/**
 * Swagger Codegen 3's CLI (SmartBear's, the generator behind SwaggerHub) on the OpenAPI 3.0 file:
 * it reads the 3.1 bundle without a word, but builds every `allOf` model (every answer envelope)
 * with no properties, so answers come back as plain dicts (docs/generators.md).
 */
export async function swaggerCodegenGenerate(step: Step, language: string, out: string): Promise<string> {
  const jar = await cliJar(step, `io.swagger.codegen.v3:swagger-codegen-cli:${SWAGGER_CODEGEN_VERSION}`);
  return step.sh('java', ['-XX:TieredStopAtLevel=1', '-jar', jar, 'generate', '-i', openapi30Path, '-l', language, '-o', out]);
}

/**
 * The steps of a case that is a Maven project in test/generators/<folder>: copied to the scratch
 * directory, its generator plugin run on `spec`, compiled, and its program run by exec:java.
 * Each project's .mvn/jvm.config runs Maven with C1 only (-XX:TieredStopAtLevel=1), as
 * openapiGenerate does: the three Maven cases took 46, 32 and 67 s before, 35, 27 and 49 s after.
 */
export function mavenProject(folder: string, spec: string, runEnv: Record<string, string> = {}): Pick<GeneratorCase, 'generate' | 'compile' | 'run'> {
  return {
    async generate(step) {
      cpSync(join(generatorsDir, folder), step.dir, { recursive: true });
      // Not quiet: the generator's warnings are Maven [WARNING] lines, listed by the harness.
      await step.sh('mvn', ['-B', '--no-transfer-progress', '-Dstyle.color=never', `-Dspec=${spec}`, 'generate-sources']);
    },
    async compile(step) {
      // The sources are there already: the compile phase must not generate them again.
      await step.sh('mvn', [...mvn, `-Dspec=${spec}`, '-Dcodegen.skip=true', 'compile']);
    },
    async run(step, env) {
      process.stdout.write(await step.sh('mvn', [...mvn, 'exec:java'], { env: { ...env, ...runEnv } }));
    },
  };
}

export const javaCases: GeneratorCase[] = [
  {
    name: 'openapi-generator-java',
    language: 'Java',
    version: `openapi-generator-maven-plugin@${OPENAPI_GENERATOR_VERSION} (okhttp-gson)`,
    toolchain: ['java', 'mvn'],
    warningPattern: /\bWARN(ING)?\b/,
    // Its program decodes the sandbox's answers with the default (closed) models, to find any
    // field the description lacks, and shows an added field kept by the open models itself.
    answersWithAFieldAdded: false,
    // Its contract check reads the 3.0 conversion, and the bundle to show why (ContractInterceptor.java).
    ...mavenProject('java/openapi-generator', bundlePath, { EASEMOB_OPENAPI: bundlePath, EASEMOB_OPENAPI_30: openapi30Path }),
  },
  {
    name: 'swagger-codegen-java',
    language: 'Java',
    version: `swagger-codegen-maven-plugin@${SWAGGER_CODEGEN_VERSION} (okhttp-gson)`,
    toolchain: ['java', 'mvn'],
    warningPattern: /\bWARN(ING)?\b/,
    // Swagger Codegen reads OpenAPI 3.0: it is given the conversion (docs/generators.md).
    ...mavenProject('java/swagger-codegen', openapi30Path),
  },
  {
    name: 'openapi-generator-java-restclient',
    language: 'Java',
    version: `openapi-generator-maven-plugin@${OPENAPI_GENERATOR_VERSION} (restclient: Spring RestClient, Jackson)`,
    toolchain: ['java', 'mvn'],
    warningPattern: /\bWARN(ING)?\b/,
    ...mavenProject('java/openapi-generator-restclient', bundlePath),
  },
];
