// Why the sandbox could not start, in one line that says what failed, where, and what to do.
// Usage errors (bad flags) are reported elsewhere, with the usage text; these are not usage errors.
import type { SandboxOptions } from '../sandbox/index.ts';

function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

/** `command` is how the sandbox was started, for the hint: `npm start` or `npx easemob-sandbox`. */
export function describeStartFailure(error: unknown, options: Pick<SandboxOptions, 'host' | 'port' | 'db'>, command = 'npm start'): string {
  const where = `${options.host ?? '127.0.0.1'}:${options.port ?? 4000}`;
  const next = (options.port ?? 4000) === 0 ? 4000 : Math.min((options.port ?? 4000) + 1, 65535);
  switch (codeOf(error)) {
    case 'EADDRINUSE':
      return `cannot listen on ${where}: the port is in use (another sandbox?); stop it, or start on another port: PORT=${next} ${command}`;
    case 'EACCES':
      return `cannot listen on ${where}: permission denied; use a port above 1023: PORT=${next > 1023 ? next : 4000} ${command}`;
    case 'EADDRNOTAVAIL':
      return `cannot listen on ${where}: this machine has no such address; try HOST=127.0.0.1 ${command}`;
  }
  const db = options.db ?? ':memory:';
  if (db !== ':memory:' && /sqlite|database/i.test(`${codeOf(error)} ${firstLine(error)}`)) {
    return `cannot open the database file ${db}: ${firstLine(error)}; check that its folder exists and is writable, or leave out --db to keep data in memory`;
  }
  return `cannot start: ${firstLine(error)}`;
}
