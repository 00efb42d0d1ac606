// The import file's text encoding. Excel on a Chinese Windows saves "CSV" in the system's code
// page, GBK, and only "CSV UTF-8" as UTF-8; read as UTF-8, every Chinese nickname of a GBK file
// became U+FFFD replacement characters, and was registered so. The file is now checked before
// anything is sent: bytes that are not text in the expected encoding (UTF-8 unless --encoding
// names another) stop the import, with the line and what to do.
import { Transform } from 'node:stream';

export const DEFAULT_ENCODING = 'utf-8';

/** A file whose bytes are not text in the encoding it is read in. */
export class FileEncodingError extends Error {
  readonly line: number;
  readonly encoding: string;
  constructor(line: number, encoding: string) {
    super(`line ${line} is not ${encoding} text`);
    this.name = 'FileEncodingError';
    this.line = line;
    this.encoding = encoding;
  }
}

/**
 * The WHATWG name of an encoding label (gbk, GB18030, big5, shift_jis, utf8 …), for
 * --encoding. UTF-16 is refused: its newlines are two bytes, and Excel's "Unicode text" that
 * uses it is tab-separated, not CSV.
 */
export function encodingOf(label: string): string {
  let encoding: string;
  try {
    encoding = new TextDecoder(label).encoding;
  } catch {
    throw new RangeError(`unknown --encoding ${label}: give an encoding name such as utf-8, gb18030, gbk, big5 or shift_jis`);
  }
  if (encoding.startsWith('utf-16')) throw new RangeError(`--encoding ${label} is not supported: save the file as "CSV UTF-8"`);
  return encoding;
}

/**
 * Checks that every line of the bytes is text in `encoding`, counting the lines as it goes, and
 * keeps the first (a CSV header); throws FileEncodingError naming the first line that is not.
 * Line by line: a newline byte is a newline in every encoding --encoding takes (none uses 0x0A
 * inside a character).
 */
export async function countTextLines(source: AsyncIterable<Buffer>, encoding: string): Promise<{ lines: number; firstLine: string }> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  let lines = 0;
  let firstLine = '';
  let carry: Buffer = Buffer.alloc(0);
  const check = (bytes: Buffer) => {
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      throw new FileEncodingError(lines + 1, encoding);
    }
    if (lines === 0) firstLine = text;
  };
  for await (const chunk of source) {
    let from = 0;
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, from)) {
      check(carry.length ? Buffer.concat([carry, chunk.subarray(from, at)]) : chunk.subarray(from, at));
      carry = Buffer.alloc(0);
      lines++;
      from = at + 1;
    }
    if (from < chunk.length) carry = Buffer.concat([carry, chunk.subarray(from)]);
  }
  if (carry.length) {
    check(carry);
    lines++; // a last line without a newline
  }
  return { lines, firstLine };
}

/** Bytes in, text out, in `encoding` (a file countTextLines has checked). */
export function decodeText(encoding: string): Transform {
  const decoder = new TextDecoder(encoding);
  return new Transform({
    decodeStrings: true,
    transform(chunk: Buffer, _encoding, done) {
      done(null, decoder.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, decoder.decode());
    },
  });
}
