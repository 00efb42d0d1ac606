// Counts the records of the input for the progress bar's total and ETA: a fast pass over the
// bytes (newlines), minus the CSV header. Exact for files without blank lines or quoted
// newlines; an estimate otherwise, which is all a progress bar needs.
import { createReadStream } from 'node:fs';
import type { InputFormat } from './read-records.ts';

export async function countLines(path: string, format: InputFormat): Promise<number> {
  let lines = 0;
  let last = 10;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    last = chunk[chunk.length - 1] ?? last;
  }
  if (last !== 10) lines++; // a last line without a newline
  return Math.max(0, format === 'csv' ? lines - 1 : lines);
}
