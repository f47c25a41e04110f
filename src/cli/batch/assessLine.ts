import { assessEach } from '../../assessEach';
import { decisionLine } from '../../decisionLine';
import { describeIssues, listedIssues, MOST_LISTED_ISSUES, type Issue } from '../../errors/issue';
import { TransactionError } from '../../errors/TransactionError';
import { parseTransactionJson } from '../../transaction/parseTransactionJson';
import { readableId } from '../../transaction/readableId';
import type { AssessOptions } from '../../types/assessOptions';
import type { Outcome } from '../../types/outcome';
import type { InputLine } from './readLines';

/**
 * How much of an assessment a batch writes per line: `decision` the decision line (`DecisionLine`: outcome, questions,
 * duties, deciding citations, authority, notes, ruleset; the default), `full` the whole Assessment with its trace.
 */
export type BatchDetail = 'decision' | 'full';

/** The output record of a line that could not be assessed. */
export interface ErrorRecord {
  readonly line: number;
  /** The transaction's `id`, when the line is JSON with a readable string `id`. */
  readonly transactionId?: string;
  readonly error: {
    readonly name: LineError['name'];
    readonly code?: string;
    readonly message: string;
    readonly issues: readonly Issue[];
  };
}

/** What one input line became: its output record, and the outcome or the error it stands for. */
export interface LineResult {
  /** The record to write as the output line: a DecisionLine or the Assessment (by detail), or an ErrorRecord. */
  readonly record: unknown;
  readonly outcome?: Outcome;
  /** For a line that could not be assessed: what to tell the user about it. */
  readonly error?: LineError;
}

/** Why a line could not be assessed, with its 1-based line number. */
export interface LineError {
  readonly line: number;
  readonly transactionId?: string;
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
export function assessLine(
  { text, line, problem }: InputLine,
  options: AssessOptions,
  detail: BatchDetail = 'decision',
): LineResult {
  if (problem !== undefined) return lineFailure(line, problem);
  // A line far beyond any transaction's size (a million keys) is refused before it is parsed.
  const parsed = parseTransactionJson(text, 'line');
  if ('issue' in parsed) return lineFailure(line, parsed.issue);
  const [result] = assessEach([parsed.transaction], options);
  if (result === undefined) throw new Error('assessEach returned no result');
  if (result.ok) {
    const { assessment } = result;
    return { record: detail === 'full' ? assessment : decisionLine(line, assessment), outcome: assessment.outcome };
  }
  const { error } = result;
  const transactionId = readableId(parsed.transaction);
  const identified = transactionId === undefined ? {} : { transactionId };
  if (error instanceof TransactionError) return failure({ ...transactionFailure(line, error), ...identified });
  return failure({
    line,
    ...identified,
    name: 'AssessmentError',
    code: error.code,
    message: error.message,
    issues: error.issues,
  });
}

/** A line that is not a transaction at all: its one issue. */
function lineFailure(line: number, issue: Issue): LineResult {
  return failure({ line, name: 'TransactionError', message: issue.message, issues: [issue] });
}

/** An invalid transaction's issues, as many as are listed (`listedIssues`), its message saying how many there are. */
function transactionFailure(line: number, error: TransactionError): LineError {
  const issues = listedIssues(error.issues);
  if (issues === error.issues) return { line, name: 'TransactionError', message: error.message, issues };
  return {
    line,
    name: 'TransactionError',
    message:
      `The transaction is not valid (${error.issues.length.toLocaleString('en')} issues; the first ` +
      `${MOST_LISTED_ISSUES} are listed):\n${describeIssues(issues.slice(0, MOST_LISTED_ISSUES))}`,
    issues,
  };
}

function failure(error: LineError): LineResult {
  const record: ErrorRecord = {
    line: error.line,
    ...(error.transactionId === undefined ? {} : { transactionId: error.transactionId }),
    error: {
      name: error.name,
      ...(error.code === undefined ? {} : { code: error.code }),
      message: error.message,
      issues: error.issues,
    },
  };
  return { record, error };
}
