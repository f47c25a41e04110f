import { assessEach } from '../../assessEach';
import type { Issue } from '../../errors/issue';
import { TransactionError } from '../../errors/TransactionError';
import type { AssessOptions } from '../../types/assessOptions';
import type { Outcome } from '../../types/outcome';
import { isTooLong, MAX_LINE_LENGTH } from './readLines';

/** What one input line became: its output record, and the outcome or the error it stands for. */
export interface LineResult {
  /** The record to write as the output line: the Assessment, or `{ line, error: { name, code?, message, issues } }`. */
  readonly record: unknown;
  readonly outcome?: Outcome;
  /** For a line that could not be assessed: what to tell the user about it. */
  readonly error?: LineError;
}

/** Why a line could not be assessed, with its 1-based line number. */
export interface LineError {
  readonly line: number;
  readonly name: 'TransactionError' | 'AssessmentError';
  readonly message: string;
  readonly code?: string;
  readonly issues: readonly Issue[];
}

/**
 * Assesses one line of JSON Lines input with the compiled evaluator (`assessEach`). Invalid JSON, an invalid
 * transaction, or a transaction no ruleset applies to becomes an error result for that line; anything else (a bug)
 * is thrown.
 */
export function assessLine(text: string, line: number, options: AssessOptions): LineResult {
  let transaction: unknown;
  try {
    transaction = JSON.parse(text) as unknown;
  } catch (error) {
    const issue: Issue = isTooLong(text)
      ? {
          path: [],
          code: 'line_too_long',
          limit: MAX_LINE_LENGTH,
          message: `The line is longer than ${MAX_LINE_LENGTH / 2 ** 20} MiB and was not read.`,
        }
      : text.trim() === ''
        ? { path: [], code: 'empty_line', message: 'The line is empty.' }
        : { path: [], code: 'invalid_json', message: `The line is not valid JSON: ${(error as Error).message}` };
    return failure({ line, name: 'TransactionError', message: issue.message, issues: [issue] });
  }
  const [result] = assessEach([transaction], options);
  if (result === undefined) throw new Error('assessEach returned no result');
  if (result.ok) return { record: result.assessment, outcome: result.assessment.outcome };
  const { error } = result;
  if (error instanceof TransactionError)
    return failure({ line, name: 'TransactionError', message: error.message, issues: error.issues });
  return failure({ line, name: 'AssessmentError', code: error.code, message: error.message, issues: [] });
}

function failure(error: LineError): LineResult {
  return {
    record: {
      line: error.line,
      error: {
        name: error.name,
        ...(error.code === undefined ? {} : { code: error.code }),
        message: error.message,
        issues: error.issues,
      },
    },
    error,
  };
}
