// Independent validators on the bundle (issue 12), run by `npm run lint` after Redocly and
// Spectral: tools other teams' pipelines use, written by other hands than ours.
//   @readme/openapi-parser   (npm)  ReadMe's maintained fork of swagger-parser; 3.1-aware
//   openapi-spec-validator   (PyPI) the Python ecosystem's validator (pinned in scripts/tools)
//   kin-openapi              (Go)   the library oapi-codegen and oasdiff build on (pinned in go.mod)
// Each must report zero problems, on the bundle and on its OpenAPI 3.0 conversion
// (generated/openapi-3.0.json, scripts/openapi-3.0.ts). Run from the project root; name files to
// check only those.
import { execFile } from 'node:child_process';
import { relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { validate } from '@readme/openapi-parser';
import { ensurePythonTools, venvBin } from './python-tools.ts';

const files = (process.argv.length > 2 ? process.argv.slice(2) : ['generated/openapi.json', 'generated/openapi-3.0.json']).map((file) => resolve(file));
const run = promisify(execFile);
let failed = false;

/** A tool's own report: what it printed, and on failure why it failed. */
async function tool(command: string, args: string[], cwd?: string): Promise<string> {
  try {
    const { stdout, stderr } = await run(command, args, { cwd, maxBuffer: 1 << 24 });
    return stdout + stderr;
  } catch (error) {
    const { stdout = '', stderr = '', message } = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${stdout}${stderr}` || message);
  }
}

// The three run side by side (issue 10: one after another they made `npm run lint` wait on each);
// each one's report is printed whole when it ends.
function step(name: string, check: () => Promise<string | void>): Promise<void> {
  return Promise.resolve()
    .then(check)
    .then(
      (report) => {
        if (report) process.stdout.write(report.endsWith('\n') ? report : `${report}\n`);
        console.log(`✔ ${name}: no problems`);
      },
      (error: unknown) => {
        failed = true;
        const detail = error instanceof Error ? error.message : String(error);
        console.error(`✘ ${name}:\n${detail}`);
      },
    );
}

await Promise.all([
  ...files.map((file) =>
    step(`@readme/openapi-parser (${relative('.', file)})`, async () => {
      const result = await validate(file);
      if (!result.valid) throw new Error(JSON.stringify(result.errors, null, 2));
      if (result.warnings.length) throw new Error(`warnings: ${JSON.stringify(result.warnings, null, 2)}`);
    }),
  ),
  // Each of the other two reads every file in one run: one interpreter start, one Go build.
  step('openapi-spec-validator', () => {
    ensurePythonTools();
    return tool(venvBin('openapi-spec-validator'), files);
  }),
  step('kin-openapi', () => tool('go', ['run', '.', ...files], resolve('scripts/tools/kin-openapi'))),
]);

if (failed) process.exit(1);
