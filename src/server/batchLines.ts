import { assessEach } from '../assessEach';
import { decisionLine } from '../decisionLine';
import { AssessmentError } from '../errors/AssessmentError';
import { TransactionError } from '../errors/TransactionError';
import { parseTransactionJson } from '../transaction/parseTransactionJson';
import { readableId } from '../transaction/readableId';
import type { AssessOptions } from '../types/assessOptions';
import type { BodyLine } from './ndjsonLines';
import { problem, problemOf } from './problems';
import type { BatchLine, ErrorLine } from './types';

/**
 * Assesses one line of an NDJSON body with the compiled evaluator (`assessEach`, the same answers as `assess`):
 * its decision, or an error line with the line number, the transaction's id where it can be read, and the
 * Problem Details of what is wrong. Anything else (a bug) is thrown.
 */
export function assessBodyLine(entry: BodyLine, options: AssessOptions, maxLineBytes: number): BatchLine {
  if ('tooLong' in entry)
    return errorLine(
      entry.line,
      undefined,
      problem('body-too-large', `The line is longer than ${maxLineBytes} bytes and was not read.`, [
        { path: [], code: 'too_big', maximum: maxLineBytes, message: `The line is longer than ${maxLineBytes} bytes.` },
      ]),
    );
  if ('bodyTooLarge' in entry)
    return errorLine(
      entry.line,
      undefined,
      problem('body-too-large', 'The body is larger than the server accepts; the lines after this one were not read.', [
        { path: [], code: 'too_big', message: 'The body is larger than the batch limit.' },
      ]),
    );
  if ('invalidAt' in entry) {
    const message = `The line is not valid UTF-8 (byte ${entry.invalidAt + 1} of the line is not), so it was not read.`;
    return errorLine(
      entry.line,
      undefined,
      problem('invalid-json', message, [{ path: [], code: 'invalid_utf8', message }]),
    );
  }
  if (entry.text.trim() === '')
    return errorLine(
      entry.line,
      undefined,
      problem('invalid-json', 'The line is empty.', [{ path: [], code: 'empty_line', message: 'The line is empty.' }]),
    );
  // Within the same bounds as a line of the command line's batch: far beyond any transaction's size is refused first.
  const parsed = parseTransactionJson(entry.text, 'line');
  if ('issue' in parsed)
    return errorLine(entry.line, undefined, problemOf(new TransactionError([parsed.issue])).problem);
  const { transaction } = parsed;
  const [result] = assessEach([transaction], options);
  if (result === undefined) throw new Error('assessEach returned no result');
  if (result.ok) return decisionLine(entry.line, result.assessment);
  if (result.error instanceof AssessmentError && result.error.code === 'engine_failure') throw result.error;
  return errorLine(entry.line, readableId(transaction), problemOf(result.error).problem);
}

function errorLine(line: number, transactionId: string | undefined, error: ErrorLine['error']): ErrorLine {
  return { line, ...(transactionId === undefined ? {} : { transactionId }), error };
}
