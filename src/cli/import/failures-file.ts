// The failures file beside the input (`<input>.failures.csv`: line, username, reason). It is
// cut back to the checkpoint's length on resume, so a crash never leaves a failure listed twice.
import { closeSync, existsSync, fstatSync, ftruncateSync, openSync, writeSync } from 'node:fs';

const HEADER = 'line,username,reason\n';

const csvField = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export class FailuresFile {
  readonly #fd: number;

  constructor(path: string, keepBytes: number) {
    const fresh = !existsSync(path) || keepBytes === 0;
    this.#fd = openSync(path, fresh ? 'w' : 'r+');
    if (fresh) writeSync(this.#fd, HEADER);
    else ftruncateSync(this.#fd, keepBytes);
  }

  /** Appends rows; returns the file's length afterwards (for the checkpoint). */
  append(rows: Array<{ line: number; username: string; reason: string }>): number {
    const end = fstatSync(this.#fd).size;
    const text = rows.map((row) => `${row.line},${csvField(row.username)},${csvField(row.reason)}\n`).join('');
    if (text) writeSync(this.#fd, text, end);
    return end + Buffer.byteLength(text);
  }

  close(): void {
    closeSync(this.#fd);
  }
}
