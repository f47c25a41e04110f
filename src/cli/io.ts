import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isatty } from 'node:tty';
import picocolors from 'picocolors';
import { decodeUtf8, withoutBom } from '../document/utf8';
import { RulesetError } from '../errors/RulesetError';
import { TransactionError } from '../errors/TransactionError';
import { fileProblem } from '../errors/UsageError';
import { parseTransactionJson } from '../transaction/parseTransactionJson';

/** How a file that does not hold what it should (not UTF-8, not JSON) is refused: with the error of what it is. */
type NotReadable = (code: 'invalid_utf8' | 'invalid_json', message: string) => Error;

/** By default, a usage error naming the file. */
const usageProblem =
  (file: string): NotReadable =>
  (_code, message) =>
    fileProblem('invalid_file', file, message);

/**
 * Reads a file, or standard input for `-`, once, as UTF-8 text: a leading byte order mark is dropped, and bytes that
 * are not UTF-8 are refused (naming where, with `refuse`), never replaced by U+FFFD. `what` names it in messages
 * ("ruleset x.json").
 */
export function readText(
  file: string,
  what = file === '-' ? 'standard input' : file,
  refuse: NotReadable = usageProblem(file),
): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file === '-' ? 0 : file);
  } catch (error) {
    throw fileProblem(
      'unreadable_file',
      file,
      `Cannot read ${file === '-' ? 'standard input' : file}: ${describeFsError(error)}.`,
    );
  }
  const decoded = decodeUtf8(withoutBom(bytes));
  if ('invalidAt' in decoded)
    throw refuse(
      'invalid_utf8',
      `The ${what} is not valid UTF-8 (byte ${(decoded.invalidAt + 1).toLocaleString('en')} is not); save it as ` +
        'UTF-8.',
    );
  return decoded.text;
}

/**
 * Reads and parses a JSON document (a signature, a scenario file, a decision record …), or standard input for `-`:
 * text that is not UTF-8 or not JSON is a usage error with the parser's position. A ruleset file is read by
 * `readRulesetJson`.
 */
export function readJson(file: string, what?: string, refuse: NotReadable = usageProblem(file)): unknown {
  const name = what ?? (file === '-' ? 'standard input' : file);
  const text = readText(file, name, refuse);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw refuse('invalid_json', `The ${name} is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * Reads and parses a ruleset or overlay document: a file that is not UTF-8 or not JSON is a `RulesetError` (an
 * invalid ruleset document, `invalid_utf8` or `invalid_json` at its root), as any other invalid document is.
 */
export function readRulesetJson(file: string, what = `ruleset ${file}`): unknown {
  return readJson(file, what, (code, message) => new RulesetError([{ path: [], code, message }]));
}

/**
 * Reads and parses a transaction: JSON that is not valid is a `TransactionError` with the parser's position, like any
 * other invalid transaction.
 */
export function readTransaction(file: string): unknown {
  const name = file === '-' ? 'transaction on standard input' : `transaction ${file}`;
  // As for each line of a batch: far beyond any transaction's size is refused before it costs an issue per key.
  const parsed = parseTransactionJson(readText(file, name), name);
  if ('issue' in parsed) throw new TransactionError([parsed.issue]);
  return parsed.transaction;
}

/**
 * Creates the folders missing on the way to `folder`, one at a time from the nearest that exists. Not `mkdirSync` with
 * `recursive`: under /proc, which answers ENOENT to every new folder, Node's recursive mkdir retries forever.
 */
export function createMissingFolders(folder: string): void {
  const missing: string[] = [];
  for (let current = resolve(folder); !existsSync(current); current = dirname(current)) {
    missing.push(current);
    if (dirname(current) === current) break;
  }
  for (const path of missing.reverse()) mkdirSync(path);
}

/**
 * Colours for text written to `stream`: on only for a terminal, off when `NO_COLOR` is set to anything non-empty
 * (https://no-color.org) or `TERM=dumb`; `FORCE_COLOR` (non-empty, not `0`) turns them on for pipes. Unlike
 * picocolors' own default, `CI` alone does not turn colours on, so files and pipes in CI stay plain.
 */
export function colorsFor(stream: { readonly isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Colors {
  const { createColors } = picocolors;
  if (nonEmpty(env.NO_COLOR)) return createColors(false);
  if (nonEmpty(env.FORCE_COLOR) && env.FORCE_COLOR !== '0') return createColors(true);
  return createColors(stream.isTTY === true && env.TERM !== 'dumb');
}

/** Whether standard output is a terminal, asked of the descriptor (the CLI never opens Node's stdout stream). */
export const standardOutput = {
  get isTTY(): boolean {
    return isatty(1);
  },
};

/** Whether standard error is a terminal. */
export const standardError = {
  get isTTY(): boolean {
    return isatty(2);
  },
};

/** Terminal colour functions, each the identity when colours are off. */
export type Colors = ReturnType<typeof picocolors.createColors>;

function nonEmpty(value: string | undefined): boolean {
  return value !== undefined && value !== '';
}

/** What a failed file operation means, in words (the system's own message for the rare ones). */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const words = code === undefined ? undefined : FS_ERRORS[code];
  return words ?? (error as Error).message;
}

const FS_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
  EROFS: 'read-only file system',
  EIO: 'input/output error',
  EPIPE: 'the reading end of the pipe is closed',
  EBADF: 'it is closed',
};
