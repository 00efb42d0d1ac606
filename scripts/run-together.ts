// Runs npm scripts side by side, and optionally one command beside them, and fails if any fails.
// `npm test` runs lint and typecheck beside the docs page's build and then vitest (issue 10: one
// after another they took about 40 s of `npm test`, each tool mostly on one core, and only vitest
// needs the docs page). The npm scripts' output is held and printed whole at the
// end, so the logs do not mix; the command after `--` prints as it goes.
//
//   node scripts/run-together.ts lint typecheck docs
//   node scripts/run-together.ts lint typecheck -- sh -c 'npm run docs && exec vitest run'
import { spawn } from 'node:child_process';
import { shareCompileCache } from './compile-cache.ts';

const args = process.argv.slice(2);
const dashes = args.indexOf('--');
const names = dashes < 0 ? args : args.slice(0, dashes);
const live = dashes < 0 ? [] : args.slice(dashes + 1);
if (names.length === 0 && live.length === 0) {
  console.error('usage: node scripts/run-together.ts SCRIPT... [-- COMMAND ARG...]');
  process.exit(2);
}

interface Outcome {
  label: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  seconds: string;
  output: Buffer;
}

// lint, typecheck and vitest, and all they start, share V8's code cache (scripts/compile-cache.ts).
shareCompileCache();

const started = Date.now();

function runScript(name: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', (error) => chunks.push(Buffer.from(`${error.message}\n`)));
    child.on('close', (code, signal) =>
      resolve({ label: `npm run ${name}`, code, signal, seconds: ((Date.now() - started) / 1000).toFixed(1), output: Buffer.concat(chunks) }),
    );
  });
}

function runLive([command, ...rest]: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(command!, rest, { stdio: 'inherit' });
    const output: Buffer[] = [];
    child.on('error', (error) => output.push(Buffer.from(`${error.message}\n`)));
    child.on('close', (code, signal) =>
      resolve({ label: [command, ...rest].join(' '), code, signal, seconds: ((Date.now() - started) / 1000).toFixed(1), output: Buffer.concat(output) }),
    );
  });
}

const held = names.map(runScript);
const outcomes = [...(live.length ? [await runLive(live)] : []), ...(await Promise.all(held))];

for (const outcome of outcomes) {
  const ok = outcome.code === 0;
  process.stdout.write(`\n${ok ? '✔' : '✘'} ${outcome.label} (${ok ? 'passed' : `failed: ${outcome.code ?? outcome.signal}`}, ${outcome.seconds} s)\n`);
  process.stdout.write(outcome.output);
}
const failed = outcomes.filter((outcome) => outcome.code !== 0).map((outcome) => outcome.label);
if (failed.length) {
  console.error(`\nfailed: ${failed.join(', ')}`);
  process.exit(1);
}
