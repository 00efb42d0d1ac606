// Kotlin: openapi-generator's Maven plugin generates two jvm-retrofit2 clients (Retrofit, OkHttp, a
// wrapper per oneOf; one on Gson, one on kotlinx.serialization) inside a small Maven project
// (test/generators/kotlin/openapi-generator), which kotlin-maven-plugin compiles and Maven runs. The library and its
// options are the ones that send every grant of POST /token (docs/generators.md).
import { bundlePath, type GeneratorCase } from './harness.ts';
import { mavenProject, OPENAPI_GENERATOR_VERSION } from './java.ts';

export const kotlinCases: GeneratorCase[] = [
  {
    name: 'openapi-generator-kotlin',
    language: 'Kotlin',
    version: `openapi-generator-maven-plugin@${OPENAPI_GENERATOR_VERSION} (jvm-retrofit2, gson and kotlinx_serialization, generateOneOfAnyOfWrappers)`,
    toolchain: ['java', 'mvn'],
    warningPattern: /\bWARN(ING)?\b/,
    ...mavenProject('kotlin/openapi-generator', bundlePath),
  },
];
