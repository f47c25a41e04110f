import { writeSync } from 'node:fs';

/** A one-word wait for `Atomics.wait`, which sleeps this thread without spinning. */
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Writes that may write nothing in a row before the descriptor counts as stuck. */
const MOST_EMPTY_WRITES = 1000;

/**
 * Writes every byte of `data` to the file descriptor `fd`, however many writes it takes, or throws the error that
 * stopped it. Node's own stream for a file or pipe on standard output (`SyncWriteStream`) ignores the byte count of a
 * short write, so on a nearly full disk it drops the rest of a chunk and reports success; this loop checks the count,
 * and the next write reports the disk full (ENOSPC) or the file too large (EFBIG). A descriptor another process left
 * non-blocking (EAGAIN) is waited on, a millisecond at a time.
 */
export function writeAllSync(fd: number, data: Uint8Array): void {
  let offset = 0;
  let empty = 0;
  while (offset < data.length) {
    let written: number;
    try {
      written = writeSync(fd, data, offset, data.length - offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(sleeper, 0, 0, 1);
      continue;
    }
    if (written === 0 && ++empty > MOST_EMPTY_WRITES)
      throw Object.assign(new Error('the output accepts no more data'), { code: 'EIO' });
    if (written > 0) empty = 0;
    offset += written;
  }
}

/** UTF-8 bytes of text; bytes as they are. */
export function bytesOf(data: string | Uint8Array): Uint8Array {
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
}
