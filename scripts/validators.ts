// Independent validators on the bundle (issue 12), run by `npm run lint` after Redocly and
// Spectral: tools other teams' pipelines use, written by other hands than ours.
//   @readme/openapi-parser   (npm)  ReadMe's maintained fork of swagger-parser; 3.1-aware
//   openapi-spec-validator   (PyPI) the Python ecosystem's validator (pinned in scripts/tools)
//   kin-openapi              (Go)   the library oapi-codegen and oasdiff build on (pinned in go.mod)
// Each must report zero problems. Run from the project root.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { validate } from '@readme/openapi-parser';
import { ensurePythonTools, venvBin } from './python-tools.ts';

const bundle = resolve(process.argv[2] ?? 'generated/openapi.json');
let failed = false;

function step(name: string, check: () => void | Promise<void>): Promise<void> {
  return Promise.resolve()
    .then(check)
    .then(
      () => console.log(`✔ ${name}: no problems`),
      (error: unknown) => {
        failed = true;
        const detail = error instanceof Error ? error.message : String(error);
        console.error(`✘ ${name}:\n${detail}`);
      },
    );
}

await step('@readme/openapi-parser', async () => {
  const result = await validate(bundle);
  if (!result.valid) throw new Error(JSON.stringify(result.errors, null, 2));
  if (result.warnings.length) throw new Error(`warnings: ${JSON.stringify(result.warnings, null, 2)}`);
});

await step('openapi-spec-validator', () => {
  ensurePythonTools();
  execFileSync(venvBin('openapi-spec-validator'), [bundle], { stdio: 'inherit' });
});

await step('kin-openapi', () => {
  execFileSync('go', ['run', '.', bundle], { cwd: resolve('scripts/tools/kin-openapi'), stdio: 'inherit' });
});

if (failed) process.exit(1);
