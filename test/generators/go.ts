// The Go generators: oapi-codegen (from the Go module proxy, `go run` of a pinned version) and
// openapi-generator's go (the Maven Central jar, see java.ts). Each program's module
// (test/generators/go/<generator>/go.mod and go.sum) pins what the generated code imports; the
// output is vetted, built and run.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { bundlePath, generatorsDir, type GeneratorCase, type Step } from './harness.ts';
import { OPENAPI_GENERATOR_VERSION, openapiGeneratorJar } from './java.ts';

const OAPI_CODEGEN = 'github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen@v2.8.2';

function copyProgram(step: Step, generator: string): void {
  for (const file of ['main.go', 'go.mod', 'go.sum']) {
    copyFileSync(join(generatorsDir, 'go', generator, file), join(step.dir, file));
  }
}

async function buildAndVet(step: Step): Promise<void> {
  await step.sh('go', ['vet', './...']);
  await step.sh('go', ['build', '-o', 'program', '.']);
}

async function runProgram(step: Step, env: Record<string, string>): Promise<void> {
  process.stdout.write(await step.sh(join(step.dir, 'program'), [], { env }));
}

export const goCases: GeneratorCase[] = [
  {
    name: 'oapi-codegen',
    language: 'Go',
    version: OAPI_CODEGEN.split('/cmd/')[1]!,
    toolchain: ['go'],
    async generate(step) {
      copyProgram(step, 'oapi-codegen');
      mkdirSync(join(step.dir, 'easemob'));
      await step.sh('go', ['run', OAPI_CODEGEN, '-generate', 'types,client', '-package', 'easemob', '-o', 'easemob/client.gen.go', bundlePath]);
    },
    compile: buildAndVet,
    run: (step, env) => runProgram(step, { ...env }),
  },
  {
    name: 'openapi-generator-go',
    language: 'Go',
    version: `openapi-generator-cli@${OPENAPI_GENERATOR_VERSION} (go)`,
    toolchain: ['go', 'java', 'mvn'],
    warningPattern: /\bWARN\b/,
    async generate(step) {
      copyProgram(step, 'openapi-generator');
      await step.sh('java', [
        '-jar', await openapiGeneratorJar(step), 'generate', '-i', bundlePath, '-g', 'go', '-o', 'client',
        '--package-name', 'easemob', '--git-user-id', 'easemob-generators', '--git-repo-id', 'client',
      ]);
    },
    compile: buildAndVet,
    run: (step, env) => runProgram(step, { ...env }),
  },
];
