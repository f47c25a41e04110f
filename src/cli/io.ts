import { readFileSync } from 'node:fs';
import { TransactionError } from '../errors/TransactionError';

/** A problem the user can fix (bad input, bad arguments): printed without a stack trace, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Reads a file, or standard input for `-`. */
export function readText(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new UsageError(`Cannot read ${file === '-' ? 'standard input' : file}: ${reason}.`);
  }
}

/** Parses JSON text; invalid JSON becomes a `TransactionError` with the parser's position, like any other invalid input. */
export function parseJson(text: string, what = 'input'): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new TransactionError([{ path: [], code: 'invalid_json', message: `The ${what} is not valid JSON: ${(error as Error).message}` }]);
  }
}

/** Reads and parses a JSON file, or standard input for `-`. */
export function readJson(file: string, what?: string): unknown {
  return parseJson(readText(file), what ?? (file === '-' ? 'standard input' : file));
}
