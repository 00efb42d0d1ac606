// Rust: openapi-generator's rust client (reqwest; the Maven Central jar, see java.ts). The
// program's crate (test/generators/rust/openapi-generator: Cargo.toml, Cargo.lock, src/main.rs)
// depends on the generated crate by path; its Cargo.lock pins every crate from crates.io, and
// cargo builds with --locked. The generated crate's version is fixed at 0.0.0 so that a new
// info.version does not make the lock stale. Build output is kept between runs in
// node_modules/.cache/cargo-target (the crates compile once; each run rebuilds the client).
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { bundlePath, generatorsDir, projectRoot, type GeneratorCase } from './harness.ts';
import { OPENAPI_GENERATOR_VERSION, openapiGeneratorJar } from './java.ts';

const CARGO_TARGET_DIR = join(projectRoot, 'node_modules/.cache/cargo-target');
// No debug info: a third of the build time and most of its size, and nothing here reads it.
const cargoEnv = { CARGO_TARGET_DIR, CARGO_TERM_COLOR: 'never', CARGO_PROFILE_DEV_DEBUG: 'false' };

export const rustCases: GeneratorCase[] = [
  {
    name: 'openapi-generator-rust',
    language: 'Rust',
    version: `openapi-generator-cli@${OPENAPI_GENERATOR_VERSION} (rust, reqwest)`,
    toolchain: ['cargo', 'java', 'mvn'],
    // Its renaming notices ("… cannot be used as a model name. Renamed to …") are about its own
    // identifiers, not the description; each run prints some hundred of them.
    warningPattern: /\bWARN\b(?!.*cannot be used as a)/,
    async generate(step) {
      cpSync(join(generatorsDir, 'rust', 'openapi-generator'), step.dir, { recursive: true });
      await step.sh('java', [
        '-jar', await openapiGeneratorJar(step), 'generate', '-i', bundlePath, '-g', 'rust', '-o', 'client',
        '--package-name', 'easemob', '--additional-properties', 'library=reqwest,packageVersion=0.0.0',
      ]);
    },
    async compile(step) {
      // Each run's crates sit in a new scratch directory, so cargo would keep every earlier
      // run's build of them beside the shared dependencies: drop those first.
      await step.sh('cargo', ['clean', '--package', 'easemob', '--package', 'scenario'], { env: cargoEnv });
      // Warnings fail the build: in the generated client they would be a description the
      // generator half understood; in the program, sloppiness.
      await step.sh('cargo', ['build', '--locked'], { env: { ...cargoEnv, RUSTFLAGS: '-D warnings' } });
    },
    async run(step, env) {
      process.stdout.write(await step.sh(join(CARGO_TARGET_DIR, 'debug', 'scenario'), [], { env: { ...env } }));
    },
  },
];
