// Postman: its importer (openapi-to-postmanv2, what Postman's "Import" runs) turns the bundle into
// a collection, with the description's examples as values, and its runner (newman) sends it. Both
// are pinned in test/generators/postman/package.json (its own lockfile). The "program" is a
// person's session in Postman: test/generators/postman/program.mjs.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { bundlePath, generatorsDir, type GeneratorCase } from './harness.ts';

const toolsDir = join(generatorsDir, 'postman');
const pinned = JSON.parse(readFileSync(join(toolsDir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

export const postmanCases: GeneratorCase[] = [
  {
    name: 'openapi-to-postmanv2',
    language: 'Postman',
    version: `openapi-to-postmanv2@${pinned.dependencies['openapi-to-postmanv2']}, newman@${pinned.dependencies['newman']}`,
    toolchain: ['npm'],
    prepare: async (step) => {
      await step.sh('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: toolsDir });
    },
    // parametersResolution=Example: values from the description's examples, as a person picks in
    // Postman's import settings (the default, Schema, fills in placeholders such as <string>).
    generate: async (step) => {
      await step.sh(join(toolsDir, 'node_modules/.bin/openapi2postmanv2'), [
        '--spec', bundlePath, '--output', join(step.dir, 'collection.json'), '--options', 'parametersResolution=Example',
      ]);
    },
    compile: async (step) => {
      process.stdout.write(await step.sh(process.execPath, [join(toolsDir, 'program.mjs'), '--check', join(step.dir, 'collection.json')]));
    },
    run: async (step, env) => {
      process.stdout.write(await step.sh(process.execPath, [join(toolsDir, 'program.mjs'), join(step.dir, 'collection.json')], { env: { ...env } }));
    },
  },
];
