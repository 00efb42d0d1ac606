// `npm run test:generators [-- <language or generator>…]`: other teams' generators on
// generated/openapi.json (issue 12). For each: generate into a scratch directory under
// os.tmpdir(), compile or type-check, and run a small hand-written program (get an app token,
// register users, read one back, list them following the cursor, decode a 404 as the error
// body) against a sandbox started for it on 127.0.0.1:0 and always stopped. See docs/generators.md.
//
// A missing toolchain fails the run when CI=true; elsewhere it is reported loudly at the end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '../../src/sandbox/index.ts';
import { startCheckingProxy } from '../support/checking-proxy.ts';
import { CommandFailed, createStep, onPath, type GeneratorCase } from './harness.ts';
import { typescriptCases } from './typescript.ts';
import { javaCases } from './java.ts';
import { pythonCases } from './python.ts';
import { goCases } from './go.ts';
import { rustCases } from './rust.ts';
import { phpCases } from './php.ts';
import { rubyCases } from './ruby.ts';
import { kotlinCases } from './kotlin.ts';
import { postmanCases } from './postman.ts';
import { swaggerUiCases } from './swagger-ui.ts';

const allCases = [...typescriptCases, ...javaCases, ...kotlinCases, ...pythonCases, ...goCases, ...rustCases, ...phpCases, ...rubyCases, ...postmanCases, ...swaggerUiCases];
const filters = process.argv.slice(2).map((f) => f.toLowerCase());
const cases = filters.length
  ? allCases.filter((c) => filters.some((f) => c.name.toLowerCase() === f || c.language.toLowerCase() === f))
  : allCases;
if (cases.length === 0) throw new Error(`no generator matches ${filters.join(', ')}`);

type Outcome = 'ok' | 'FAIL' | 'MISSING TOOLCHAIN' | '-';
interface Row {
  c: GeneratorCase;
  generate: Outcome;
  compile: Outcome;
  program: Outcome;
  seconds: number;
  warnings: string[];
  failure?: string;
}

const credentials = { clientId: 'generator-matrix', clientSecret: 'generator-matrix-secret' };
const prepared = new Map<string, Promise<void>>();
const rows: Row[] = [];
const started = Date.now();

for (const c of cases) {
  const row: Row = { c, generate: '-', compile: '-', program: '-', seconds: 0, warnings: [] };
  rows.push(row);
  const missing = c.toolchain.filter((command) => !onPath(command));
  if (missing.length) {
    row.generate = 'MISSING TOOLCHAIN';
    row.failure = `not on PATH: ${missing.join(', ')}`;
    continue;
  }
  const dir = mkdtempSync(join(tmpdir(), `easemob-gen-${c.name}-`));
  const log: string[] = [];
  const step = createStep(dir, log);
  const t0 = Date.now();
  let phase: 'generate' | 'compile' | 'program' = 'generate';
  const sandbox = await startSandbox({
    host: '127.0.0.1',
    port: 0,
    rateLimit: 'off',
    apps: [{ org: 'generators', app: 'matrix', ...credentials }],
  });
  const proxy = await startCheckingProxy(sandbox.apps[0]!.baseUrl, { addFieldToAnswers: c.answersWithAFieldAdded !== false });
  console.log(`\n── ${c.language} · ${c.name} (${c.version}) ──`);
  try {
    if (c.prepare) {
      const key = c.prepare.toString();
      if (!prepared.has(key)) prepared.set(key, c.prepare(createStep(dir, log)));
      await prepared.get(key);
    }
    await c.generate(step);
    row.generate = 'ok';
    const warningPattern = c.warningPattern ?? /\bwarn(ing)?\b/i;
    row.warnings = [...new Set(log.join('\n').split('\n').filter((line) => !line.startsWith('$ ') && warningPattern.test(line)).map((l) => l.trim()))];
    phase = 'compile';
    await c.compile(step);
    row.compile = 'ok';
    phase = 'program';
    await c.run(step, {
      EASEMOB_BASE_URL: proxy.baseUrl,
      EASEMOB_CLIENT_ID: credentials.clientId,
      EASEMOB_CLIENT_SECRET: credentials.clientSecret,
      SCENARIO_PREFIX: c.name.replace(/[^A-Za-z0-9]/g, '_'),
    });
    // What the generated code sent and got, held against the description by the checking proxy.
    if (proxy.violations.length) {
      throw new CommandFailed(`${proxy.violations.length} exchanges break the description`, proxy.violations.join('\n'));
    }
    row.program = 'ok';
  } catch (error) {
    row[phase] = 'FAIL';
    const output = error instanceof CommandFailed ? error.output : '';
    row.failure = `${(error as Error).message}\n${output.split('\n').slice(-40).join('\n')}`;
    console.log(`FAILED at ${phase}: ${row.failure}`);
  } finally {
    row.seconds = (Date.now() - t0) / 1000;
    await proxy.close();
    await sandbox.close();
    if (!process.env.KEEP_GENERATED) rmSync(dir, { recursive: true, force: true });
    else console.log(`kept ${dir}`);
  }
}

console.log('\n| generator | version | language | generate | compile | program | time |');
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.c.name} | ${r.c.version} | ${r.c.language} | ${r.generate} | ${r.compile} | ${r.program} | ${r.seconds.toFixed(1)} s |`);
}
console.log(`total ${((Date.now() - started) / 1000).toFixed(1)} s`);

const warned = rows.filter((r) => r.warnings.length);
if (warned.length) {
  console.log('\nGenerator warnings (each explained in docs/generators.md):');
  for (const r of warned) for (const w of r.warnings) console.log(`  ${r.c.name}: ${w}`);
}

const missing = rows.filter((r) => r.generate === 'MISSING TOOLCHAIN');
const failed = rows.filter((r) => [r.generate, r.compile, r.program].includes('FAIL'));
if (missing.length) {
  const banner = '!'.repeat(78);
  console.error(`\n${banner}\n!! MISSING TOOLCHAIN: these generators did NOT run:`);
  for (const r of missing) console.error(`!!   ${r.c.language} ${r.c.name}: ${r.failure}`);
  console.error(`${banner}`);
}
for (const r of failed) console.error(`\nFAILED ${r.c.language} ${r.c.name}:\n${r.failure}`);
// A plain closing line (one generator, one test: generate, compile, run its program) that CI
// harnesses reading runners' closing lines recognise. A missing toolchain fails in CI (as the exit
// code below does) and is a skip elsewhere.
const missingFails = process.env.CI === 'true';
console.log(
  `\ngenerators: ${rows.length - failed.length - missing.length} passed, ${failed.length + (missingFails ? missing.length : 0)} failed, ${missingFails ? 0 : missing.length} skipped`,
);
if (failed.length || (missing.length && process.env.CI === 'true')) process.exit(1);
