// Streams the import file record by record, with the line each record came from, so memory
// stays flat whatever the file's size. CSV needs a header row; JSON Lines is one object a line.
// A malformed record is yielded as such (with its line), never thrown: one bad row must not
// stop the rest.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { decodeText } from './text-encoding.ts';

export type InputFormat = 'csv' | 'jsonl';

export type InputRecord =
  | { line: number; fields: Record<string, string> }
  | { line: number; malformed: string };

export function formatOf(path: string, explicit?: string): InputFormat {
  if (explicit === 'csv' || explicit === 'jsonl') return explicit;
  if (explicit) throw new Error(`unknown --format ${explicit}: use csv or jsonl`);
  return /\.(jsonl|ndjson)$/i.test(path) ? 'jsonl' : 'csv';
}

/**
 * The file's records, its bytes read as `encoding` (checked beforehand: count-lines.ts), a CSV's
 * fields separated by `delimiter` (csv-header.ts).
 */
export async function* readRecords(path: string, format: InputFormat, encoding: string, delimiter = ','): AsyncGenerator<InputRecord> {
  const text = createReadStream(path).pipe(decodeText(encoding));
  yield* format === 'csv' ? readCsv(text, delimiter) : readJsonLines(text);
}

async function* readJsonLines(text: Readable): AsyncGenerator<InputRecord> {
  const lines = createInterface({ input: text, crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (!text.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      yield { line, malformed: 'not valid JSON' };
      continue;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      yield { line, malformed: 'not a JSON object' };
      continue;
    }
    const fields: Record<string, string> = {};
    for (const [key, field] of Object.entries(value)) {
      if (field !== null && field !== undefined) fields[key] = typeof field === 'string' ? field : JSON.stringify(field);
    }
    yield { line, fields };
  }
}

async function* readCsv(text: Readable, delimiter: string): AsyncGenerator<InputRecord> {
  const skipped: InputRecord[] = [];
  const parser = text.pipe(
    parse({
      delimiter,
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (error) => {
        const line = (error as { lines?: number } | undefined)?.lines ?? 0;
        skipped.push({ line, malformed: `malformed CSV: ${error?.message ?? 'unreadable record'}` });
      },
    }),
  );
  let header: string[] | undefined;
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    while (skipped.length) yield skipped.shift()!;
    if (!header) {
      header = record.map((name) => name.trim().toLowerCase());
      continue;
    }
    if (record.length !== header.length) {
      yield { line: info.lines, malformed: `expected ${header.length} fields, found ${record.length}` };
      continue;
    }
    const fields: Record<string, string> = {};
    header.forEach((name, i) => {
      const value = record[i]!.trim();
      if (value !== '') fields[name] = value;
    });
    yield { line: info.lines, fields };
  }
  while (skipped.length) yield skipped.shift()!;
}
