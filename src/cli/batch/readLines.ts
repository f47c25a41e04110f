import { decodeLine } from '../../document/utf8';
import type { Issue } from '../../errors/issue';

/** One line of input, with its 1-based number, or what is wrong with it when it could not be read as text. */
export interface InputLine {
  readonly text: string;
  readonly line: number;
  /** The line was too long to keep, or is not UTF-8: it becomes an error line with this issue. */
  readonly problem?: Issue<'line_too_long' | 'invalid_utf8'>;
}

/** Lines of input, in batches, with how many bytes have been read so far. */
export interface LineBatch {
  /** The lines to assess: every line read, except blank ones. */
  readonly lines: readonly InputLine[];
  /** The number of the last line read (blank or not). */
  readonly lastLine: number;
  /** Blank or whitespace-only lines read in this batch: skipped, not assessed and not errors. */
  readonly blank: number;
  readonly bytesRead: number;
}

/** Longer lines (in bytes, newline excluded) are not kept in memory: each becomes an error line. */
export const MAX_LINE_LENGTH = 16 * 1024 * 1024;

const NEWLINE = 0x0a;

/**
 * Splits a byte stream into lines (LF or CRLF), pulling one chunk at a time, so memory stays bounded by the chunk
 * size and the longest line whatever the input's size. A final line without a newline counts; an empty input has
 * no lines. Lines are split as bytes and each is decoded on its own: a line that is not UTF-8 is reported as such (by
 * number), never decoded with U+FFFD. A byte order mark at the start of a line is dropped (files joined with `cat`
 * keep theirs), and blank or whitespace-only lines are counted but not returned.
 */
export async function* readLines(input: AsyncIterable<Buffer | string>, batchSize = 128): AsyncGenerator<LineBatch> {
  let pending: Buffer[] = [];
  let pendingLength = 0;
  let skipping = false;
  let line = 0;
  let bytesRead = 0;
  let lines: InputLine[] = [];
  let blank = 0;
  let read = 0;
  const push = (bytes: Buffer | undefined) => {
    line++;
    read++;
    const item = bytes === undefined ? tooLong(line) : readLine(bytes, line);
    if (item === undefined) blank++;
    else lines.push(item);
  };
  const take = (): LineBatch => {
    const batch = { lines, lastLine: line, blank, bytesRead };
    lines = [];
    blank = 0;
    read = 0;
    return batch;
  };
  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    bytesRead += bytes.length;
    let start = 0;
    for (let end = bytes.indexOf(NEWLINE); end !== -1; end = bytes.indexOf(NEWLINE, start)) {
      const tail = bytes.subarray(start, end);
      push(skipping || pendingLength + tail.length > MAX_LINE_LENGTH ? undefined : joined(pending, tail));
      pending = [];
      pendingLength = 0;
      skipping = false;
      start = end + 1;
    }
    const rest = bytes.subarray(start);
    if (skipping || pendingLength + rest.length > MAX_LINE_LENGTH) {
      skipping = true;
      pending = [];
      pendingLength = 0;
    } else if (rest.length > 0) {
      // A copy: the stream may reuse the chunk's memory.
      pending.push(Buffer.from(rest));
      pendingLength += rest.length;
    }
    if (read >= batchSize) yield take();
  }
  if (skipping) push(undefined);
  else if (pendingLength > 0) push(joined(pending, Buffer.alloc(0)));
  if (read > 0) yield take();
}

function joined(parts: readonly Buffer[], last: Buffer): Buffer {
  return parts.length === 0 ? last : Buffer.concat([...parts, last]);
}

/** The line as text (CR of a CRLF and a byte order mark dropped), `undefined` for a blank one, or its problem. */
function readLine(bytes: Buffer, line: number): InputLine | undefined {
  const decoded = decodeLine(bytes);
  if ('invalidAt' in decoded)
    return {
      text: '',
      line,
      problem: {
        path: [],
        code: 'invalid_utf8',
        message:
          `The line is not valid UTF-8 (byte ${(decoded.invalidAt + 1).toLocaleString('en')} of the line is not), so ` +
          'it was not read; save the file as UTF-8.',
      },
    };
  return decoded.text.trim() === '' ? undefined : { text: decoded.text, line };
}

function tooLong(line: number): InputLine {
  return {
    text: '',
    line,
    problem: {
      path: [],
      code: 'line_too_long',
      limit: MAX_LINE_LENGTH,
      message: `The line is longer than ${MAX_LINE_LENGTH / 2 ** 20} MiB and was not read.`,
    },
  };
}
