// Ruby: openapi-generator's ruby client (the Maven Central jar, see java.ts), on Typhoeus. Its
// gemspec asks rubygems.org for typhoeus, which this machine cannot reach: it comes from Debian's
// packages instead (ruby-typhoeus; .ci/run installs it with ruby). Every generated file is
// syntax-checked (`ruby -c`) and the program run with `ruby`.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { filesEndingIn, generatorsDir, type GeneratorCase } from './harness.ts';
import { OPENAPI_GENERATOR_VERSION, openapiGenerate } from './java.ts';

export const rubyCases: GeneratorCase[] = [
  {
    name: 'openapi-generator-ruby',
    language: 'Ruby',
    version: `openapi-generator-cli@${OPENAPI_GENERATOR_VERSION} (ruby)`,
    toolchain: ['ruby', 'java', 'mvn'],
    warningPattern: /\bWARN\b/,
    async generate(step) {
      copyFileSync(join(generatorsDir, 'ruby/openapi-generator/program.rb'), join(step.dir, 'program.rb'));
      await openapiGenerate(step, 'ruby', 'client', '--additional-properties', 'gemName=easemob_client,moduleName=EasemobClient');
    },
    async compile(step) {
      const files = filesEndingIn(join(step.dir, 'client/lib'), '.rb');
      // One ruby for all files: `ruby -c` takes one file, so a tiny script checks each.
      await step.sh('ruby', ['-e', 'ARGV.each { |f| RubyVM::InstructionSequence.compile_file(f) }', ...files, join(step.dir, 'program.rb')]);
    },
    run: async (step, env) => {
      process.stdout.write(await step.sh('ruby', ['program.rb'], { env: { ...env } }));
    },
  },
];
