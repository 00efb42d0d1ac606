// The import's checkpoint beside the input file: how many input records are fully handled (in
// file order), the counts so far, and how long the failures file was at that moment. Written
// atomically (temp file, fsync, rename) after each batch, so a crash at any point leaves either
// the previous checkpoint or the new one; a re-run truncates the failures file back to the
// checkpoint and resumes after the last record it covers. Users sent in a batch the crash cut
// off are sent again and then count as already present: nobody is registered twice.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, statSync, writeSync } from 'node:fs';

export interface ImportCounts {
  created: number;
  present: number;
  failed: Record<string, number>;
}

export interface Checkpoint {
  version: 1;
  /** The input it belongs to: a different file (by size) is not resumed. */
  inputSize: number;
  recordsDone: number;
  failuresBytes: number;
  counts: ImportCounts;
  complete: boolean;
}

export const checkpointPathFor = (input: string) => `${input}.checkpoint.json`;
export const failuresPathFor = (input: string) => `${input}.failures.csv`;

export function emptyCheckpoint(input: string): Checkpoint {
  return {
    version: 1,
    inputSize: statSync(input).size,
    recordsDone: 0,
    failuresBytes: 0,
    counts: { created: 0, present: 0, failed: {} },
    complete: false,
  };
}

export function loadCheckpoint(input: string): Checkpoint | undefined {
  const path = checkpointPathFor(input);
  if (!existsSync(path)) return undefined;
  const checkpoint = JSON.parse(readFileSync(path, 'utf8')) as Checkpoint;
  if (checkpoint.version !== 1) throw new Error(`${path}: unknown checkpoint version`);
  if (checkpoint.inputSize !== statSync(input).size) {
    throw new Error(`${path} belongs to a different version of ${input} (size changed); remove it or use --restart`);
  }
  return checkpoint;
}

export function saveCheckpoint(input: string, checkpoint: Checkpoint): void {
  const path = checkpointPathFor(input);
  const temp = `${path}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, JSON.stringify(checkpoint, null, 2) + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
}
