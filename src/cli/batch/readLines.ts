import { StringDecoder } from 'node:string_decoder';

/** One line of input, with its 1-based number. */
export interface InputLine {
  readonly text: string;
  readonly line: number;
}

/** Lines of input, in batches, with how many bytes have been read so far. */
export interface LineBatch {
  readonly lines: readonly InputLine[];
  readonly bytesRead: number;
}

/** Longer lines are not kept in memory: each becomes an error line (its text is replaced by a marker that is not JSON). */
export const MAX_LINE_LENGTH = 16 * 1024 * 1024;
const TOO_LONG = '\u0000line too long';

/**
 * Splits a byte stream into lines (LF or CRLF), pulling one chunk at a time, so memory stays bounded by the chunk
 * size and the longest line whatever the input's size. A final line without a newline counts; an empty input has
 * no lines.
 */
export async function* readLines(input: AsyncIterable<Buffer | string>, batchSize = 128): AsyncGenerator<LineBatch> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let skipping = false;
  let line = 0;
  let bytesRead = 0;
  let batch: InputLine[] = [];
  const push = (text: string) => {
    line++;
    batch.push({ text: text.endsWith('\r') ? text.slice(0, -1) : text, line });
  };
  for await (const chunk of input) {
    bytesRead += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    let text = pending + (typeof chunk === 'string' ? chunk : decoder.write(chunk));
    pending = '';
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      push(skipping ? TOO_LONG : text.slice(start, end));
      skipping = false;
      start = end + 1;
    }
    text = text.slice(start);
    if (skipping || text.length > MAX_LINE_LENGTH) skipping = true;
    else pending = text;
    if (batch.length >= batchSize) {
      yield { lines: batch, bytesRead };
      batch = [];
    }
  }
  const rest = pending + decoder.end();
  if (skipping) push(TOO_LONG);
  else if (rest !== '') push(rest);
  if (batch.length > 0) yield { lines: batch, bytesRead };
}

/** Whether a line was too long to keep (see `MAX_LINE_LENGTH`). */
export function isTooLong(text: string): boolean {
  return text === TOO_LONG;
}
