// The TypeScript generators. They and what their output imports are pinned in
// test/generators/typescript/package.json (its own lockfile, so the package's users never install
// them). Each output is type-checked with `tsc --strict`, bundled with esbuild and run on Node.
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundlePath, generatorsDir, type GeneratorCase, type Step } from './harness.ts';
import { OPENAPI_GENERATOR_VERSION, openapiGenerate } from './java.ts';

const toolsDir = join(generatorsDir, 'typescript');
const bin = (tool: string) => join(toolsDir, 'node_modules/.bin', tool);

const pinned = JSON.parse(readFileSync(join(toolsDir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

async function prepare(step: Step): Promise<void> {
  // `npm install` installs exactly what the lockfile pins (CI checks that it changed nothing).
  await step.sh('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: toolsDir });
}

const tsconfig = {
  compilerOptions: {
    target: 'ES2022',
    module: 'ESNext',
    moduleResolution: 'Bundler',
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    types: ['node'],
    strict: true,
    skipLibCheck: true,
    noEmit: true,
  },
  include: ['**/*.ts'],
  exclude: ['node_modules'],
};

async function compile(step: Step, generator: string): Promise<void> {
  copyFileSync(join(toolsDir, 'scenario.ts'), join(step.dir, 'scenario.ts'));
  copyFileSync(join(toolsDir, generator, 'program.ts'), join(step.dir, 'program.ts'));
  writeFileSync(join(step.dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  symlinkSync(join(toolsDir, 'node_modules'), join(step.dir, 'node_modules'), 'dir');
  await step.sh(bin('tsc'), ['-p', 'tsconfig.json']);
  await step.sh(bin('esbuild'), ['program.ts', '--bundle', '--platform=node', '--format=esm', '--target=node22', '--packages=external', '--outfile=program.mjs', '--log-level=warning']);
}

function typescriptCase(
  name: string,
  packageName: string,
  generate: (step: Step, out: string) => Promise<void>,
  warningPattern?: RegExp,
): GeneratorCase {
  return {
    name,
    language: 'TypeScript',
    version: `${packageName}@${pinned.dependencies[packageName]}`,
    toolchain: ['npm'],
    warningPattern,
    prepare,
    generate: (step) => {
      const out = join(step.dir, 'generated');
      mkdirSync(out, { recursive: true });
      return generate(step, out);
    },
    compile: (step) => compile(step, name),
    run: async (step, env) => {
      process.stdout.write(await step.sh(process.execPath, ['program.mjs'], { env: { ...env } }));
    },
  };
}

export const typescriptCases: GeneratorCase[] = [
  typescriptCase('hey-api', '@hey-api/openapi-ts', (step, out) =>
    step.sh(bin('openapi-ts'), ['--input', bundlePath, '--output', out]).then(() => {}),
  ),
  // The same generator as a team that validates with zod configures it: its zod plugin, and the
  // SDK's validator on, so every request and answer goes through the zod schemas. zod 3 is the
  // one pinned here (openapi-zod-client needs it): compatibilityVersion 3; with zod 4, leave it out.
  typescriptCase('hey-api-zod', '@hey-api/openapi-ts', async (step, out) => {
    const config = {
      input: bundlePath,
      output: out,
      plugins: ['@hey-api/client-fetch', { name: 'zod', compatibilityVersion: 3 }, { name: '@hey-api/sdk', validator: true }],
    };
    writeFileSync(join(step.dir, 'openapi-ts.config.mjs'), `export default ${JSON.stringify(config, null, 2)};\n`);
    await step.sh(bin('openapi-ts'), []);
  }),
  typescriptCase('orval', 'orval', async (step, out) => {
    // The base URL comes from a mutator (orval's documented way), which only a config can name.
    copyFileSync(join(toolsDir, 'orval/custom-fetch.ts'), join(step.dir, 'custom-fetch.ts'));
    const config = {
      easemob: {
        input: bundlePath,
        output: {
          target: join(out, 'api.ts'),
          client: 'fetch',
          mode: 'single',
          override: { mutator: { path: join(step.dir, 'custom-fetch.ts'), name: 'customFetch' } },
        },
      },
    };
    writeFileSync(join(step.dir, 'orval.config.mjs'), `export default ${JSON.stringify(config, null, 2)};\n`);
    await step.sh(bin('orval'), ['--config', 'orval.config.mjs', '--fail-on-warnings']);
  }),
  typescriptCase('openapi-typescript-codegen', 'openapi-typescript-codegen', (step, out) =>
    step.sh(bin('openapi'), ['--input', bundlePath, '--output', out, '--client', 'fetch']).then(() => {}),
  ),
  typescriptCase(
    'openapi-zod-client',
    'openapi-zod-client',
    (step, out) => step.sh(bin('openapi-zod-client'), [bundlePath, '--output', join(out, 'client.ts')]).then(() => {}),
    /no status code other than `default`|warn/i,
  ),
  typescriptCase('oazapfts', 'oazapfts', (step, out) =>
    step.sh(bin('oazapfts'), [bundlePath, join(out, 'api.ts')]).then(() => {}),
  ),
  typescriptCase('typed-openapi', 'typed-openapi', (step) =>
    // typed-openapi resolves --output against the working directory even when it is absolute.
    step.sh(bin('typed-openapi'), [bundlePath, '--output', 'generated/api.ts']).then(() => {}),
  ),
  // swagger-typescript-api: an `Api` class on fetch; it writes path parameters into the URL as
  // they are, unencoded: safe for usernames and resource ids (their patterns allow only
  // unreserved characters), not for an opaque msg_id (the program shows it; docs/generators.md).
  typescriptCase('swagger-typescript-api', 'swagger-typescript-api', (step, out) =>
    step.sh(bin('swagger-typescript-api'), ['generate', '--path', bundlePath, '--output', out, '--name', 'api.ts', '--silent']).then(() => {}),
  ),
  // openapi-generator's own TypeScript client (the Maven Central jar, see java.ts): its output
  // imports nothing but the platform's fetch. With its default runtime checks the createUsers
  // body (one user or an array of users) imports UserRegistration twice and does not compile;
  // without them, models are the wire's own (original property names), see docs/generators.md.
  {
    ...typescriptCase(
      'openapi-generator-typescript-fetch',
      'openapi-generator-cli',
      async (step, out) => {
        await openapiGenerate(step, 'typescript-fetch', out, '--additional-properties', 'withoutRuntimeChecks=true,modelPropertyNaming=original');
      },
      /\bWARN\b/,
    ),
    version: `openapi-generator-cli@${OPENAPI_GENERATOR_VERSION} (typescript-fetch)`,
    toolchain: ['npm', 'java', 'mvn'],
  },
  // The same generator's axios client (axios is pinned beside the generators, for zodios too).
  {
    ...typescriptCase(
      'openapi-generator-typescript-axios',
      'openapi-generator-cli',
      async (step, out) => {
        await openapiGenerate(step, 'typescript-axios', out);
      },
      /\bWARN\b/,
    ),
    version: `openapi-generator-cli@${OPENAPI_GENERATOR_VERSION} (typescript-axios)`,
    toolchain: ['npm', 'java', 'mvn'],
  },
];
