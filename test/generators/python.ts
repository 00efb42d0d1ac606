// The Python generators: openapi-python-client (PyPI, pinned in scripts/tools/requirements.txt),
// openapi-generator's python and Swagger Codegen's python (Maven Central jars, see java.ts). Each
// output is type-checked with mypy and its program run with the project's .venv Python, which
// holds the pinned libraries the generated code imports.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePythonTools, venvBin } from '../../scripts/python-tools.ts';
import { bundlePath, generatorsDir, projectRoot, type GeneratorCase, type Step } from './harness.ts';
import { OPENAPI_GENERATOR_VERSION, SWAGGER_CODEGEN_VERSION, openapiGenerate, swaggerCodegenGenerate } from './java.ts';

const programsDir = join(generatorsDir, 'python');
/** datamodel-code-generator's options, as of its version pinned (presets never change once released). */
const DATAMODEL_PRESET = 'practical-py311-20261125';

function pinned(tool: string): string {
  const requirements = readFileSync(join(projectRoot, 'scripts/tools/requirements.txt'), 'utf8');
  const line = requirements.split('\n').find((l) => l.startsWith(`${tool}==`));
  if (!line) throw new Error(`${tool} is not pinned in scripts/tools/requirements.txt`);
  return line.trim();
}

function copyProgram(step: Step, generator: string): void {
  copyFileSync(join(programsDir, 'scenario.py'), join(step.dir, 'scenario.py'));
  copyFileSync(join(programsDir, generator, 'program.py'), join(step.dir, 'program.py'));
  const mypyConfig = join(programsDir, generator, 'mypy.ini');
  if (existsSync(mypyConfig)) copyFileSync(mypyConfig, join(step.dir, 'mypy.ini'));
}

async function runProgram(step: Step, env: Record<string, string>): Promise<void> {
  process.stdout.write(await step.sh(venvBin('python'), ['program.py'], { env }));
}

/** The jar generators' cases: the client generated into `client/`, read by mypy and Python from there. */
function clientInFolder(generator: string): Pick<GeneratorCase, 'compile' | 'run'> {
  return {
    async compile(step) {
      copyProgram(step, generator);
      await step.sh(venvBin('mypy'), ['program.py'], { env: { MYPYPATH: join(step.dir, 'client') } });
    },
    run: (step, env) => runProgram(step, { ...env, PYTHONPATH: join(step.dir, 'client') }),
  };
}

export const pythonCases: GeneratorCase[] = [
  {
    name: 'openapi-python-client',
    language: 'Python',
    version: pinned('openapi-python-client'),
    toolchain: ['python3'],
    warningPattern: /warning|skipping|not in path/i,
    prepare: async () => ensurePythonTools(),
    async generate(step) {
      // post_hooks off: by default it runs ruff over the output, which is formatting, not code.
      writeFileSync(
        join(step.dir, 'config.yaml'),
        'package_name_override: easemob_client\nproject_name_override: easemob-client\npost_hooks: []\n',
      );
      await step.sh(venvBin('openapi-python-client'), [
        'generate', '--path', bundlePath, '--meta', 'none', '--config', 'config.yaml', '--output-path', 'easemob_client', '--fail-on-warning',
      ]);
    },
    async compile(step) {
      copyProgram(step, 'openapi-python-client');
      await step.sh(venvBin('mypy'), ['--strict', 'program.py']);
    },
    run: (step, env) => runProgram(step, { ...env }),
  },
  // Models only (pydantic): the program writes its requests with httpx. A `format: password`
  // string is SecretStr by default, which pydantic writes as asterisks: the mapping sends it.
  {
    name: 'datamodel-code-generator',
    language: 'Python',
    version: pinned('datamodel-code-generator'),
    toolchain: ['python3'],
    warningPattern: /Warning:/,
    prepare: async () => ensurePythonTools(),
    async generate(step) {
      const generate = (output: string, ...more: string[]) =>
        step.sh(venvBin('datamodel-codegen'), ['--input', bundlePath, '--input-file-type', 'openapi', '--preset', DATAMODEL_PRESET, '--output', output, ...more]);
      await generate('models.py', '--type-mappings', 'password=string');
      await generate('models_masked.py');
    },
    async compile(step) {
      copyProgram(step, 'datamodel-code-generator');
      await step.sh(venvBin('mypy'), ['--strict', 'program.py']);
    },
    run: (step, env) => runProgram(step, { ...env }),
  },
  {
    name: 'openapi-generator-python',
    language: 'Python',
    version: `openapi-generator-cli@${OPENAPI_GENERATOR_VERSION} (python)`,
    toolchain: ['python3', 'java', 'mvn'],
    warningPattern: /\bWARN\b/,
    prepare: async () => ensurePythonTools(),
    async generate(step) {
      await openapiGenerate(step, 'python', 'client', '--package-name', 'easemob_client');
    },
    ...clientInFolder('openapi-generator'),
  },
  {
    name: 'swagger-codegen-python',
    language: 'Python',
    version: `swagger-codegen-cli@${SWAGGER_CODEGEN_VERSION} (python)`,
    toolchain: ['python3', 'java', 'mvn'],
    warningPattern: /\bWARN\b/,
    prepare: async () => ensurePythonTools(),
    async generate(step) {
      await swaggerCodegenGenerate(step, 'python', 'client');
    },
    ...clientInFolder('swagger-codegen'),
  },
];
