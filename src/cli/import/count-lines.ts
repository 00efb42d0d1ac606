// Counts the records of the input for the progress bar's total and ETA, and checks on the way
// that the file is text in its encoding (text-encoding.ts), before anything is sent: lines,
// minus the CSV header. Exact for files without blank lines or quoted newlines; an estimate
// otherwise, which is all a progress bar needs.
import { createReadStream } from 'node:fs';
import type { InputFormat } from './read-records.ts';
import { countTextLines } from './text-encoding.ts';

/** Throws FileEncodingError at the first line that is not text in `encoding`. */
export async function countLines(path: string, format: InputFormat, encoding: string): Promise<{ records: number; firstLine: string }> {
  const { lines, firstLine } = await countTextLines(createReadStream(path) as AsyncIterable<Buffer>, encoding);
  return { records: Math.max(0, format === 'csv' ? lines - 1 : lines), firstLine };
}
