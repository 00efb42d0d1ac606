// Runs npm scripts side by side and fails if any fails: `npm test` starts lint, typecheck and
// docs at once (issue 10: run one after another they took about 40 s, each mostly waiting on one
// core). Each script's output is held and printed whole when it ends, so the logs do not mix.
//
//   node scripts/run-together.ts lint typecheck docs
import { spawn } from 'node:child_process';

const names = process.argv.slice(2);
if (names.length === 0) {
  console.error('usage: node scripts/run-together.ts SCRIPT...');
  process.exit(2);
}

const started = Date.now();
const results = await Promise.all(
  names.map(
    (name) =>
      new Promise<{ name: string; code: number }>((resolve) => {
        const child = spawn('npm', ['run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'] });
        const chunks: Buffer[] = [];
        child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
        child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
        child.on('error', (error) => chunks.push(Buffer.from(`${error.message}\n`)));
        child.on('close', (code, signal) => {
          const seconds = ((Date.now() - started) / 1000).toFixed(1);
          const ok = code === 0;
          process.stdout.write(`\n${ok ? '✔' : '✘'} npm run ${name} (${ok ? 'passed' : `failed: ${code ?? signal}`}, ${seconds} s)\n`);
          process.stdout.write(Buffer.concat(chunks));
          resolve({ name, code: code ?? 1 });
        });
      }),
  ),
);

const failed = results.filter((r) => r.code !== 0).map((r) => r.name);
if (failed.length) {
  console.error(`\nfailed: ${failed.map((name) => `npm run ${name}`).join(', ')}`);
  process.exit(1);
}
