import { decodeLine } from '../document/utf8';

/** One line of an NDJSON body: its text, or why it was not kept. */
export type BodyLine =
  | { readonly line: number; readonly text: string }
  | { readonly line: number; readonly tooLong: true }
  /** The line is not UTF-8: `invalidAt` is the 0-based offset of its first byte that is not. */
  | { readonly line: number; readonly invalidAt: number }
  | { readonly line: number; readonly bodyTooLarge: true };

/**
 * Splits a request body into lines (LF, or CRLF) as it arrives, counting bytes: a line longer than `maxLineBytes` is
 * dropped as it streams in and reported as too long, and once the body passes `maxBodyBytes` one last entry says so and
 * nothing more is read. Memory stays bounded by a line, whatever the body's size. Each line is decoded as the command
 * line's batch decodes its lines (`decodeLine`: CRLF, a byte order mark, strict UTF-8, never U+FFFD). A last line
 * without a newline counts; blank lines are lines (the caller reports them).
 */
export async function* ndjsonLines(
  body: AsyncIterable<Buffer>,
  limits: { readonly maxLineBytes: number; readonly maxBodyBytes: number },
): AsyncGenerator<BodyLine> {
  let pieces: Buffer[] = [];
  let pending = 0;
  let dropping = false;
  let line = 0;
  let total = 0;
  const finish = (): BodyLine => {
    line += 1;
    const entry: BodyLine = dropping
      ? { line, tooLong: true }
      : { line, ...decodeLine(Buffer.concat(pieces, pending)) };
    pieces = [];
    pending = 0;
    dropping = false;
    return entry;
  };
  for await (const chunk of body) {
    total += chunk.length;
    if (total > limits.maxBodyBytes) {
      yield { line: line + 1, bodyTooLarge: true };
      return;
    }
    let start = 0;
    for (let end = chunk.indexOf(0x0a); end !== -1; end = chunk.indexOf(0x0a, start)) {
      keep(chunk.subarray(start, end));
      yield finish();
      start = end + 1;
    }
    keep(chunk.subarray(start));
  }
  if (pending > 0 || dropping) yield finish();

  function keep(piece: Buffer): void {
    if (dropping || piece.length === 0) return;
    if (pending + piece.length > limits.maxLineBytes) {
      dropping = true;
      pieces = [];
      pending = 0;
      return;
    }
    pieces.push(piece);
    pending += piece.length;
  }
}
