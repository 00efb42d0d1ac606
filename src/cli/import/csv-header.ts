// The header row of a CSV import file: which character separates its fields, and whether it
// names a user column at all. Excel writes "CSV" with `;` where the decimal separator is a comma
// (most of Europe), and database exports often use tabs: read with commas, such a file was one
// column, and every record failed as "missing username" with nothing to say why. A header that
// names no user column (a file without a header row) stops the import before anything is sent.
import { APP_USER_ID_FIELDS } from './validate-record.ts';

const USER_COLUMNS: readonly string[] = ['username', ...APP_USER_ID_FIELDS];
const DELIMITERS = [',', ';', '\t'] as const;

/** A header row that names no user column; the message quotes nothing (it may be a record). */
export class CsvHeaderError extends Error {
  constructor() {
    super(`its first line names no user column (${USER_COLUMNS.join(', ')}): the first line must be a header row, its names separated by commas (or ; or tabs)`);
    this.name = 'CsvHeaderError';
  }
}

/**
 * The delimiter under which the header row names a user column, commas first. An empty first
 * line (an empty file) is left to the CSV reader, which skips empty lines.
 */
export function headerDelimiter(firstLine: string): string {
  const header = firstLine.replace(/^\uFEFF/, '');
  if (header.trim() === '') return ',';
  const names = (delimiter: string) => header.split(delimiter).map((name) => name.trim().replace(/^"(.*)"$/, '$1').trim().toLowerCase());
  const delimiter = DELIMITERS.find((d) => names(d).some((name) => USER_COLUMNS.includes(name)));
  if (delimiter === undefined) throw new CsvHeaderError();
  return delimiter;
}
