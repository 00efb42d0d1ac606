// PHP: openapi-generator's php client (the Maven Central jar, see java.ts), on Guzzle 7. Its
// composer.json asks for guzzlehttp/guzzle and guzzlehttp/psr7 from Packagist, which this
// machine cannot reach: they come from Debian's packages instead (php-guzzlehttp-guzzle,
// php-guzzlehttp-psr7; .ci/run installs them with php-cli, php-curl and php-mbstring), on PHP's
// include path. The output is linted (`php -l`) and the program run with `php`.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { filesEndingIn, generatorsDir, type GeneratorCase, type Step } from './harness.ts';
import { OPENAPI_GENERATOR_VERSION, openapiGenerate } from './java.ts';

export const phpCases: GeneratorCase[] = [
  {
    name: 'openapi-generator-php',
    language: 'PHP',
    version: `openapi-generator-cli@${OPENAPI_GENERATOR_VERSION} (php)`,
    toolchain: ['php', 'java', 'mvn'],
    warningPattern: /\bWARN\b/,
    async generate(step) {
      copyFileSync(join(generatorsDir, 'php/openapi-generator/program.php'), join(step.dir, 'program.php'));
      await openapiGenerate(step, 'php', 'client', '--additional-properties', 'invokerPackage=Easemob');
    },
    async compile(step: Step) {
      for (const file of [...filesEndingIn(join(step.dir, 'client/lib'), '.php'), join(step.dir, 'program.php')]) await step.sh('php', ['-l', file]);
    },
    run: async (step, env) => {
      process.stdout.write(await step.sh('php', ['program.php'], { env: { ...env } }));
    },
  },
];
