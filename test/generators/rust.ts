// Rust: openapi-generator's rust client (reqwest; the Maven Central jar, see java.ts), and Oxide's
// progenitor, which generates its client at compile time from a macro. Each program's crate
// (test/generators/rust/<generator>: Cargo.toml, Cargo.lock, src/main.rs) has a Cargo.lock that
// pins every crate from crates.io, and cargo builds with --locked. openapi-generator's crate is
// fixed at version 0.0.0 so that a new info.version does not make the lock stale. Build output is
// kept between runs in node_modules/.cache/cargo-target (the crates compile once; each run
// rebuilds the client).
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatorsDir, openapi30Path, projectRoot, type GeneratorCase } from './harness.ts';
import { OPENAPI_GENERATOR_VERSION, openapiGenerate } from './java.ts';

const CARGO_TARGET_DIR = join(projectRoot, 'node_modules/.cache/cargo-target');
// No debug info: a third of the build time and most of its size, and nothing here reads it.
const cargoEnv = { CARGO_TARGET_DIR, CARGO_TERM_COLOR: 'never', CARGO_PROFILE_DEV_DEBUG: 'false' };

type Json = Record<string, unknown>;

/**
 * What progenitor is given: generated/openapi-3.0.json (it refuses 3.1: "invalid type: sequence"
 * on a type list; progenitor issue #762), without the `default` answers. progenitor reads
 * `default` as a success answer too, and panics when its type differs from the 200's
 * ("assertion failed: response_types.len() <= 1"; progenitor issues #344, #950): every
 * operation here has both. The documented error statuses stay, each an ErrorBody; an
 * undocumented one arrives as progenitor's UnexpectedResponse. A team does the same with
 * `jq 'del(.paths[][].responses.default)' openapi-3.0.json`.
 */
function forProgenitor(description: Json): Json {
  const copy = structuredClone(description);
  for (const item of Object.values(copy.paths as Record<string, Json>)) {
    for (const operation of Object.values(item)) delete ((operation as Json).responses as Json | undefined)?.default;
  }
  return copy;
}

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
      await openapiGenerate(step, 'rust', 'client', '--package-name', 'easemob', '--additional-properties', 'library=reqwest,packageVersion=0.0.0');
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
  {
    name: 'progenitor',
    language: 'Rust',
    version: 'progenitor@0.15.1 (generate_api!, reqwest)',
    toolchain: ['cargo'],
    async generate(step) {
      cpSync(join(generatorsDir, 'rust', 'progenitor'), step.dir, { recursive: true });
      const description = JSON.parse(readFileSync(openapi30Path, 'utf8')) as Json;
      writeFileSync(join(step.dir, 'easemob.json'), JSON.stringify(forProgenitor(description), null, 2));
    },
    async compile(step) {
      // The macro generates the client as the crate compiles; see the openapi-generator case.
      await step.sh('cargo', ['clean', '--package', 'scenario-progenitor'], { env: cargoEnv });
      await step.sh('cargo', ['build', '--locked'], { env: { ...cargoEnv, RUSTFLAGS: '-D warnings' } });
    },
    async run(step, env) {
      process.stdout.write(await step.sh(join(CARGO_TARGET_DIR, 'debug', 'scenario-progenitor'), [], { env: { ...env } }));
    },
  },
];
