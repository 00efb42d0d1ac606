// The Go generators: oapi-codegen and ogen (from the Go module proxy, `go run` of a pinned
// version) and openapi-generator's go (the Maven Central jar, see java.ts). Each program's module
// (test/generators/go/<generator>/go.mod and go.sum) pins what the generated code imports; the
// output is vetted, built and run.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDescription } from '../../src/contract/description.ts';
import { listOperations } from '../../src/contract/operations.ts';
import { bundlePath, generatorsDir, type GeneratorCase, type Step } from './harness.ts';
import { OPENAPI_GENERATOR_VERSION, openapiGenerate } from './java.ts';

const OAPI_CODEGEN = 'github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen@v2.8.2';
const OGEN = 'github.com/ogen-go/ogen/cmd/ogen@v1.25.0';
/** The one operation ogen cannot generate (test/generators/go/ogen/ogen.yml says why). */
const OGEN_SKIPS = ['setUserAttributes'];

function copyProgram(step: Step, generator: string, extra: string[] = []): void {
  for (const file of ['main.go', 'go.mod', 'go.sum', ...extra]) {
    copyFileSync(join(generatorsDir, 'go', generator, file), join(step.dir, file));
  }
}

/**
 * ogen skips what it does not implement only when told to (ogen.yml), so it could drop an
 * operation quietly: the client must have a method for every operation but the known ones.
 */
function checkOgenSkips(step: Step): void {
  const operationIds = listOperations(loadDescription(bundlePath)).map((op) => op.operationId);
  const client = readFileSync(join(step.dir, 'easemob', 'oas_client_gen.go'), 'utf8');
  const generated = new Set([...client.matchAll(/^func \(c \*Client\) ([A-Z]\w*)\(ctx context\.Context/gm)].map((m) => m[1]!.toLowerCase()));
  const skipped = operationIds.filter((id) => !generated.has(id.toLowerCase()));
  if (skipped.join() !== OGEN_SKIPS.join()) throw new Error(`ogen left out ${skipped.join(', ') || 'nothing'}; expected ${OGEN_SKIPS.join(', ')}`);
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
    name: 'ogen',
    language: 'Go',
    version: OGEN.split('/cmd/')[1]!,
    toolchain: ['go'],
    warningPattern: /\bWARN\b/,
    async generate(step) {
      copyProgram(step, 'ogen', ['ogen.yml']);
      await step.sh('go', ['run', OGEN, '--config', 'ogen.yml', '--target', 'easemob', '--package', 'easemob', '--clean', bundlePath]);
      checkOgenSkips(step);
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
      await openapiGenerate(
        step, 'go', 'client',
        '--package-name', 'easemob', '--git-user-id', 'easemob-generators', '--git-repo-id', 'client',
        // Answers open to fields the service adds later, as the description means (docs/generators.md).
        '--additional-properties', 'disallowAdditionalPropertiesIfNotPresent=false',
      );
    },
    compile: buildAndVet,
    run: (step, env) => runProgram(step, { ...env }),
  },
];
