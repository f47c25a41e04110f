import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fchmodSync,
  fsyncSync,
  lstatSync,
  openSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileProblem, UsageError } from '../../errors/UsageError';
import { createMissingFolders, describeFsError } from '../io';
import { exitOnInterruption } from './interruptions';
import { abortUnfinished, trackUnfinished } from './unfinished';
import { bytesOf, writeAllSync } from './writeAll';

/**
 * Standard output's reader has gone (`… | head`). Not a failure: the command ends quietly with exit 0, as Unix tools
 * do, having written all anyone will read.
 */
export class ClosedPipe extends Error {
  override readonly name = 'ClosedPipe';
  constructor() {
    super('The reading end of standard output is closed.');
  }
}

/**
 * Where a command writes its result: standard output, or a file given with `--out`. Every write is whole or throws:
 * a `UsageError` that names the output and the reason (a full disk, no permission …), or `ClosedPipe`.
 */
export interface OutputSink {
  /** The output, as messages name it: "standard output", or the file name as given. */
  readonly name: string;
  /** Writes all of `data`. */
  write(data: string | Uint8Array): void;
  /** The output is complete: a file is flushed to disk and takes its name (until then it is a temporary file). */
  commit(): void;
  /** The output is abandoned: a file's temporary file is removed, and whatever had the name before keeps it. */
  abort(): void;
}

/** Standard output, written through its descriptor (not Node's stream, which hides short writes). */
export function standardOutputSink(): OutputSink {
  return {
    name: 'standard output',
    write(data) {
      try {
        writeAllSync(1, bytesOf(data));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EPIPE') throw new ClosedPipe();
        throw fileProblem('unwritable_file', '-', `Cannot write to standard output: ${describeFsError(error)}.`);
      }
    },
    commit() {},
    abort() {},
  };
}

/**
 * The output of a command: the file `out` (its folder is created), or standard output without one.
 *
 * A regular file (or a new one) is written to a temporary file in the same folder, flushed and renamed into place by
 * `commit`, so that the name never holds a partial result, whatever happens to the run; an earlier file's permissions
 * are kept, and a symbolic link is followed to the file it names. A device, a FIFO or a socket (`/dev/null`,
 * `/dev/stdout`) is written in place.
 *
 * @throws {UsageError} when the file cannot be created: a folder, no permission, no such folder …
 */
export function openSink(out: string | undefined, options: FileOptions = {}): OutputSink {
  return out === undefined ? standardOutputSink() : fileSink(out, options);
}

/** How a file is written, when the defaults (an earlier file's permissions, links followed) will not do. */
export interface FileOptions {
  /** The file's exact permissions, whatever the umask or an earlier file's (e.g. 0o600 for a private key). */
  readonly mode?: number;
  /** Refuse a name that is a symbolic link, instead of following it (for secrets: a link could point anywhere). */
  readonly refuseLinks?: boolean;
}

/** Writes a command's whole result to `--out FILE` (created complete or not at all), or to standard output. */
export function writeOutput(text: string, out: string | undefined): void {
  const sink = openSink(out);
  try {
    sink.write(text);
    sink.commit();
  } catch (error) {
    sink.abort();
    throw error;
  }
}

/** Writes text to standard error, as far as it can: there is nowhere left to report a failure to write a message. */
export function printError(text: string): void {
  try {
    writeAllSync(2, bytesOf(text));
  } catch {
    // A closed or full standard error: the exit status still says how the run ended.
  }
}

/** Writes text to standard output. @throws {UsageError} or {ClosedPipe}, as `standardOutputSink` does. */
export function print(text: string): void {
  standardOutputSink().write(text);
}

/** Temporary files not yet committed or abandoned are removed when the process exits, or is interrupted. */
let cleanupRegistered = false;

function fileSink(out: string, options: FileOptions): OutputSink {
  const failure = (error: unknown) =>
    error instanceof UsageError
      ? error
      : fileProblem('unwritable_file', out, `Cannot write ${out}: ${describeFsError(error)}.`, { cause: error });
  let fd: number;
  let temporary: { readonly path: string; readonly target: string } | undefined;
  try {
    createMissingFolders(dirname(out));
    if (options.refuseLinks === true && lstatIfExists(out)?.isSymbolicLink() === true)
      throw fileProblem(
        'unwritable_file',
        out,
        `${out} is a symbolic link: it is not followed, so that nothing is written where it points; remove it or ` +
          'choose another name.',
      );
    const existing = statIfExists(out);
    if (existing?.isDirectory()) throw fileProblem('unwritable_file', out, `Cannot write ${out}: it is a folder.`);
    if (existing !== undefined && !existing.isFile()) fd = openSync(out, 'w');
    else {
      const target = existing === undefined || options.refuseLinks === true ? out : realpathSync(out);
      const path = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
      // Created new (never an existing file or link), readable by nobody else until its permissions are set.
      fd = openSync(path, 'wx', options.mode ?? 0o666);
      temporary = { path, target };
      const mode = options.mode ?? (existing === undefined ? undefined : existing.mode & 0o7777);
      if (mode !== undefined) fchmodSync(fd, mode);
    }
  } catch (error) {
    throw failure(error);
  }
  let open = true;
  const abort = () => {
    tracked.finished();
    if (open) {
      open = false;
      try {
        closeSync(fd);
      } catch {
        // Already unusable: nothing more to release.
      }
    }
    if (temporary !== undefined)
      try {
        unlinkSync(temporary.path);
      } catch {
        // Renamed already, or never created.
      }
  };
  const tracked = trackUnfinished(abort);
  if (!cleanupRegistered) {
    cleanupRegistered = true;
    process.once('exit', abortUnfinished);
    exitOnInterruption();
  }
  return {
    name: out,
    write(data) {
      try {
        writeAllSync(fd, bytesOf(data));
      } catch (error) {
        throw failure(error);
      }
    },
    commit() {
      try {
        if (temporary !== undefined) fsyncSync(fd);
        open = false;
        closeSync(fd);
        if (temporary !== undefined) renameSync(temporary.path, temporary.target);
        tracked.finished();
      } catch (error) {
        abort();
        throw failure(error);
      }
    },
    abort,
  };
}

function statIfExists(path: string): Stats | undefined {
  return ifExists(() => statSync(path));
}

function lstatIfExists(path: string): Stats | undefined {
  return ifExists(() => lstatSync(path));
}

function ifExists(stat: () => Stats): Stats | undefined {
  try {
    return stat();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
