// The import: stream the file, validate each record, register valid users in batches (a few
// in flight, the client's throttle pacing them), and commit results in file order: a batch's
// bad rows and outcome are written, and the checkpoint advanced, only when every batch before
// it is committed. So the checkpoint always covers a prefix of the file, whatever finishes first.
import { MAX_BATCH_SIZE, type EasemobClient } from '../../client/index.ts';
import {
  checkpointPathFor,
  emptyCheckpoint,
  failuresPathFor,
  loadCheckpoint,
  saveCheckpoint,
  type Checkpoint,
  type ImportCounts,
} from './checkpoint.ts';
import { countLines } from './count-lines.ts';
import { FailuresFile } from './failures-file.ts';
import type { Progress } from './progress.ts';
import { formatOf, readRecords } from './read-records.ts';
import { headerDelimiter } from './csv-header.ts';
import { DEFAULT_ENCODING } from './text-encoding.ts';
import { registerBatch, type BatchOutcome, type PendingUser } from './register-batch.ts';
import { validateRecord } from './validate-record.ts';

export interface ImportOptions {
  input: string;
  format?: string | undefined;
  /** The file's text encoding, a WHATWG name (encodingOf); UTF-8 when left out. */
  encoding?: string | undefined;
  /** The typed client to register with; not needed for a dry run. */
  client?: EasemobClient | undefined;
  dryRun?: boolean;
  /** Ignore an existing checkpoint and start from the first record. */
  restart?: boolean;
  /** Users per request, at most MAX_BATCH_SIZE (60). */
  batchSize?: number;
  /** Batches in flight at once (the throttle still bounds the request rate). */
  concurrency?: number;
  progress?: Progress | undefined;
  /** Aborting stops reading; batches in flight finish and are committed. */
  signal?: AbortSignal | undefined;
}

export interface ImportSummary {
  counts: ImportCounts;
  /** Valid users a dry run found (a dry run registers nobody). */
  valid: number;
  recordsDone: number;
  resumedFrom: number;
  complete: boolean;
  failuresPath: string;
  checkpointPath: string;
}

interface Batch {
  end: number; // records before this index are covered once the batch commits
  users: PendingUser[];
  badRows: BatchOutcome['failures'];
  outcome?: Promise<BatchOutcome>;
}

const categoryOf = (reason: string) => reason.split(':')[0]!.trim();

export async function runImport(options: ImportOptions): Promise<ImportSummary> {
  const { input } = options;
  const dryRun = options.dryRun ?? false;
  if (!dryRun && !options.client) throw new TypeError('runImport needs a client unless it is a dry run');
  const batchSize = options.batchSize ?? MAX_BATCH_SIZE;
  const concurrency = options.concurrency ?? 16;
  const format = formatOf(input, options.format);
  const encoding = options.encoding ?? DEFAULT_ENCODING;

  const checkpoint: Checkpoint = (!dryRun && !options.restart && loadCheckpoint(input)) || emptyCheckpoint(input);
  const resumedFrom = checkpoint.recordsDone;
  const summary = (valid: number): ImportSummary => ({
    counts: checkpoint.counts,
    valid,
    recordsDone: checkpoint.recordsDone,
    resumedFrom,
    complete: checkpoint.complete,
    failuresPath: failuresPathFor(input),
    checkpointPath: checkpointPathFor(input),
  });
  if (checkpoint.complete) return summary(0);

  // Before anything is sent or written: throws FileEncodingError for a file that is not text in
  // `encoding`, CsvHeaderError for a CSV whose first line names no user column.
  const { records: total, firstLine } = await countLines(input, format, encoding);
  const delimiter = format === 'csv' ? headerDelimiter(firstLine) : undefined;
  const failures = new FailuresFile(failuresPathFor(input), checkpoint.failuresBytes);
  const startedAt = Date.now();
  const report = () => options.progress?.update({ done: checkpoint.recordsDone, total, startedAt, resumedAt: resumedFrom });
  let valid = 0;

  const inFlight: Batch[] = [];
  const commit = (batch: Batch, outcome: BatchOutcome) => {
    const rows = [...batch.badRows, ...outcome.failures].sort((a, b) => a.line - b.line);
    checkpoint.failuresBytes = failures.append(rows);
    checkpoint.counts.created += outcome.created;
    checkpoint.counts.present += outcome.present;
    for (const row of rows) checkpoint.counts.failed[categoryOf(row.reason)] = (checkpoint.counts.failed[categoryOf(row.reason)] ?? 0) + 1;
    checkpoint.recordsDone = batch.end;
    if (!dryRun) saveCheckpoint(input, checkpoint);
    report();
  };
  const commitOldest = async () => {
    const oldest = inFlight.shift()!;
    commit(oldest, await oldest.outcome!);
  };
  const dispatch = async (batch: Batch) => {
    valid += batch.users.length;
    if (dryRun || batch.users.length === 0) {
      // Nothing to send: commit in order once what is ahead of it is committed.
      batch.outcome = Promise.resolve({ created: 0, present: 0, failures: [] });
    } else {
      batch.outcome = registerBatch(options.client!, batch.users, options.signal);
      batch.outcome.catch(() => {}); // awaited in order by commitOldest; avoid an unhandled rejection meanwhile
    }
    inFlight.push(batch);
    while (inFlight.length >= concurrency) await commitOldest();
  };

  let index = 0;
  let batch: Batch = { end: 0, users: [], badRows: [] };
  try {
    for await (const record of readRecords(input, format, encoding, delimiter)) {
      if (index++ < resumedFrom) continue;
      if (options.signal?.aborted) {
        index--;
        break;
      }
      const verdict = validateRecord(record);
      if (verdict.ok) batch.users.push({ line: record.line, user: verdict.user });
      else batch.badRows.push({ line: record.line, username: verdict.username, reason: verdict.reason });
      batch.end = index;
      if (batch.users.length === batchSize || batch.badRows.length >= 1000) {
        await dispatch(batch);
        batch = { end: index, users: [], badRows: [] };
      }
    }
    if (batch.end > checkpoint.recordsDone && (batch.users.length || batch.badRows.length)) await dispatch(batch);
    while (inFlight.length) await commitOldest();
    if (!options.signal?.aborted) {
      checkpoint.complete = true;
      if (!dryRun) saveCheckpoint(input, checkpoint);
    }
  } finally {
    failures.close();
    options.progress?.finish();
  }
  return summary(valid);
}
