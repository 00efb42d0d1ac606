#!/usr/bin/env node
// `easemob-users import FILE`: register an app's existing users with Easemob, in batches, within
// the rate limit, resumably. See `easemob-users --help`.
import { parseArgs } from 'node:util';
import { createEasemobClient, createRateLimiter, EasemobError, MAX_BATCH_SIZE, REQUEST_LIMITS } from '../client/index.ts';
import { existsSync } from 'node:fs';
import { checkpointPathFor, loadCheckpoint } from './import/checkpoint.ts';
import { createProgress } from './import/progress.ts';
import { runImport, type ImportSummary } from './import/run-import.ts';
import { CsvHeaderError } from './import/csv-header.ts';
import { DEFAULT_ENCODING, encodingOf, FileEncodingError } from './import/text-encoding.ts';

const HELP = `Usage: easemob-users import FILE [options]

Registers every user of FILE with Easemob: batches of at most ${MAX_BATCH_SIZE} users a request, within the
rate limit, with progress, resumable after a crash or Ctrl-C (run the same command again).

FILE  CSV with a header row (fields separated by commas, or ; or tabs as the header shows), or
      JSON Lines (one object a line; .jsonl/.ndjson, or --format).
      Fields of each record:
        username      the Easemob ID: ${REQUEST_LIMITS.username.pattern}, at most ${REQUEST_LIMITS.username.maxBytes} bytes (case-insensitive)
        app_user_id   instead of username: your own user id (e.g. an email address), from
                      which a valid, deterministic username is derived (also: user_id, id)
        password      required, ${REQUEST_LIMITS.password.minLength} to ${REQUEST_LIMITS.password.maxLength} characters
        nickname      optional, at most ${REQUEST_LIMITS.nickname.maxLength} characters (shown in push notifications)

Options:
  --base-url URL        one app's base URL, https://host/org/app   (EASEMOB_BASE_URL)
  --client-id ID        the app's client id                       (EASEMOB_CLIENT_ID)
  --client-secret S     the app's client secret                   (EASEMOB_CLIENT_SECRET)
  --rate N|off          requests a second (default 30, the service's limit per IP), counted
                        as the service counts them: no second of arrivals goes over
  --concurrency N       batches in flight at once (default 16); the rate limiter holds each
                        request's slot until its answer, so slow answers lower the rate
  --batch-size N        users a request, 1 to ${MAX_BATCH_SIZE} (default ${MAX_BATCH_SIZE})
  --format csv|jsonl    the file's format (default: by its extension, else csv)
  --encoding NAME       the file's text encoding (default utf-8): gb18030 for Excel's "CSV"
                        saved on a Chinese Windows (GBK), big5, shift_jis …; a file that is not
                        text in its encoding stops the import before anything is sent
  --dry-run             validate the file and report; call nothing
  --restart             ignore the checkpoint and start from the first record
  --help                this text

Beside FILE it keeps:
  FILE.checkpoint.json  where a re-run resumes (delete it, or --restart, to start over)
  FILE.failures.csv     every record not registered: line, username, reason

Users that already exist count as already present, not as failures. The exit code is 0 when
every record was registered or already present, 1 when any record failed, 2 on bad usage,
3 when the service stopped the import (re-run to resume).`;

function fail(message: string): never {
  process.stderr.write(`easemob-users: ${message}\nRun easemob-users --help for usage.\n`);
  process.exit(2);
}

function positiveInteger(name: string, value: string | undefined, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  const n = /^[0-9]+$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1 && n <= max)) fail(`${name} must be an integer from 1 to ${max}, not "${value}"`);
  return n;
}

function printSummary(summary: ImportSummary, dryRun: boolean, alreadyComplete = false): void {
  const failed = Object.values(summary.counts.failed).reduce((a, b) => a + b, 0);
  const lines = dryRun
    ? [`valid:            ${summary.valid}`]
    : [`created:          ${summary.counts.created}`, `already present:  ${summary.counts.present}`];
  lines.push(`failed:           ${failed}`);
  for (const [reason, count] of Object.entries(summary.counts.failed).sort((a, b) => b[1] - a[1])) {
    lines.push(`  ${reason}: ${count}`);
  }
  if (failed || (summary.complete && existsSync(summary.failuresPath))) lines.push(`failures listed in ${summary.failuresPath}${failed ? '' : ' (none)'}`);
  if (summary.resumedFrom && !alreadyComplete) lines.push(`(resumed after record ${summary.resumedFrom})`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'base-url': { type: 'string' },
        'client-id': { type: 'string' },
        'client-secret': { type: 'string' },
        rate: { type: 'string' },
        concurrency: { type: 'string' },
        'batch-size': { type: 'string' },
        format: { type: 'string' },
        encoding: { type: 'string' },
        'dry-run': { type: 'boolean' },
        restart: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    fail(error instanceof Error ? error.message : 'bad arguments');
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) {
    process.stdout.write(`${HELP}\n`);
    return positionals.length === 0 && !values.help ? 2 : 0;
  }
  const [command, input, ...extra] = positionals;
  if (command !== 'import') fail(`unknown command "${command}"`);
  if (!input || extra.length) fail('import takes exactly one FILE');

  const dryRun = values['dry-run'] ?? false;
  let encoding: string;
  try {
    encoding = encodingOf(values.encoding ?? DEFAULT_ENCODING);
  } catch (error) {
    fail((error as Error).message);
  }
  const rate = values.rate === 'off' ? false : positiveInteger('--rate', values.rate, 30);
  const baseUrl = values['base-url'] ?? process.env.EASEMOB_BASE_URL;
  const clientId = values['client-id'] ?? process.env.EASEMOB_CLIENT_ID;
  const clientSecret = values['client-secret'] ?? process.env.EASEMOB_CLIENT_SECRET;
  if (!dryRun && (!baseUrl || !clientId || !clientSecret)) {
    fail('the target needs --base-url, --client-id and --client-secret (or EASEMOB_BASE_URL, EASEMOB_CLIENT_ID, EASEMOB_CLIENT_SECRET)');
  }
  const client = dryRun
    ? undefined
    : createEasemobClient({
        baseUrl: baseUrl!,
        clientId: clientId!,
        clientSecret: clientSecret!,
        // The client's rate limiter, as every client uses it: it holds each request's slot until
        // its answer, so the service never sees more than `rate` arrivals in a second.
        throttle: rate === false ? false : createRateLimiter({ limit: rate, intervalMs: 1000 }),
      });

  // Ctrl-C: stop reading, let the batches in flight finish and be committed, then exit.
  const stop = new AbortController();
  let stoppedBy: string | undefined;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stoppedBy = signal === 'SIGINT' ? 'Ctrl-C' : 'a request to stop (SIGTERM)';
      stop.abort();
    });
  }
  /** Where an interrupted or stopped import stands, in plain words, from its checkpoint. */
  const whereItStands = (): string => {
    let saved;
    try {
      saved = existsSync(checkpointPathFor(input)) ? loadCheckpoint(input) : undefined;
    } catch {
      saved = undefined;
    }
    return saved
      ? `${saved.recordsDone} records are done and saved in ${checkpointPathFor(input)}`
      : 'no record was finished yet';
  };

  let summary: ImportSummary;
  try {
    summary = await runImport({
      input,
      format: values.format,
      encoding,
      client,
      dryRun,
      restart: values.restart ?? false,
      batchSize: positiveInteger('--batch-size', values['batch-size'], MAX_BATCH_SIZE, MAX_BATCH_SIZE),
      concurrency: positiveInteger('--concurrency', values.concurrency, 16, 64),
      progress: createProgress(process.stderr),
      signal: stop.signal,
    });
  } catch (error) {
    if (error instanceof CsvHeaderError) {
      process.stderr.write(`easemob-users: ${input}: ${error.message}; nothing was sent.\n`);
      return 2;
    }
    if (error instanceof FileEncodingError) {
      const advice =
        error.encoding === DEFAULT_ENCODING
          ? `Excel's "CSV" on a Chinese Windows is GBK: save the file as "CSV UTF-8", or read it as it is with --encoding gb18030.`
          : 'Name the encoding the file is in with --encoding (utf-8, gb18030, big5, shift_jis …).';
      process.stderr.write(`easemob-users: ${input} ${error.message}; nothing was sent. ${advice}\n`);
      return 2;
    }
    if (stop.signal.aborted) {
      // The requests in flight were cancelled: nothing they carried is counted until a re-run
      // sends them again (users that did get created then count as already present).
      process.stderr.write(`easemob-users: stopped by ${stoppedBy}; ${whereItStands()}. Run the same command again to continue where it stopped.\n`);
      return 3;
    }
    const reason = error instanceof EasemobError ? error.message : error instanceof Error ? error.message : String(error);
    process.stderr.write(`easemob-users: the import stopped: ${reason}\n${whereItStands()}; run the same command again to continue where it stopped.\n`);
    return 3;
  }
  const failed = Object.keys(summary.counts.failed).length > 0;
  if (!dryRun && summary.complete && summary.resumedFrom > 0 && summary.recordsDone === summary.resumedFrom) {
    // An earlier run finished this file: nothing was sent now. Say so, show what that run did,
    // and how to import the file again from its first record.
    process.stdout.write(`${input} was already imported completely (${summary.recordsDone} records); nothing was sent this time. Its summary:\n`);
    printSummary(summary, dryRun, true);
    process.stdout.write(`To import the file again from its first record: easemob-users import ${input} --restart\n`);
    return failed ? 1 : 0;
  }
  printSummary(summary, dryRun);
  if (!summary.complete) {
    process.stderr.write(`easemob-users: stopped by ${stoppedBy ?? 'a signal'}; ${whereItStands()}. Run the same command again to continue where it stopped.\n`);
    return 3;
  }
  return failed ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
