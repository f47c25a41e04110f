import { closeSync, createReadStream, fstatSync, openSync } from 'node:fs';
import { fileProblem } from '../../errors/UsageError';
import { describeFsError } from '../io';

/** The input of a batch run: a byte stream to pull lines from (and to destroy to stop a waiting read), and its size. */
export interface BatchInput {
  readonly stream: AsyncIterable<Buffer> & { destroy(): void };
  /** In bytes, for a file; unknown for standard input. */
  readonly size?: number;
}

/**
 * Opens a batch's input: standard input for `-`, else the file, opened here so that one that cannot be read (missing,
 * a folder, no permission) is a usage error before anything is written. A read that fails later is one too.
 */
export function openInput(file: string): BatchInput {
  if (file === '-') return { stream: process.stdin };
  let fd: number;
  let size: number;
  try {
    fd = openSync(file, 'r');
    const stats = fstatSync(fd);
    if (stats.isDirectory()) {
      closeSync(fd);
      throw Object.assign(new Error('a folder'), { code: 'EISDIR' });
    }
    size = stats.size;
  } catch (error) {
    throw fileProblem('unreadable_file', file, `Cannot read ${file}: ${describeFsError(error)}.`);
  }
  const stream = createReadStream(file, { fd, highWaterMark: 256 * 1024 });
  return {
    size,
    stream: Object.assign(failingAs(stream, file), { destroy: () => stream.destroy() }),
  };
}

/** The stream's chunks; a read error becomes a usage error naming the file. */
async function* failingAs(stream: AsyncIterable<Buffer>, file: string): AsyncGenerator<Buffer> {
  try {
    yield* stream;
  } catch (error) {
    throw fileProblem('unreadable_file', file, `Cannot read ${file}: ${describeFsError(error)}.`);
  }
}
