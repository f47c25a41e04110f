import { assessCompiled, checkOptions, refuseArgument } from './assessMany';
import { AssessmentError } from './errors/AssessmentError';
import { forEachOf } from './errors/readArguments';
import { TransactionError } from './errors/TransactionError';
import type { CheckedOptions } from './evaluate/prepareAssessment';
import type { Assessment } from './types/assessment';
import type { AssessOptions } from './types/assessOptions';

/** One transaction's result from `assessEach`: its assessment, or the typed error `assess` would throw for it. */
export type AssessEachResult =
  | { readonly ok: true; readonly assessment: Assessment }
  | { readonly ok: false; readonly error: TransactionError | AssessmentError };

/**
 * Assesses many transactions with the compiled evaluator, as `assessMany` does, but never throws for a transaction or
 * an option: each transaction gets a result, `{ ok: true, assessment }`, or `{ ok: false, error }` with the
 * `TransactionError` or `AssessmentError` that `assess` would throw for it (in the spirit of zod's `safeParse`). One
 * bad order does not stop the batch.
 *
 * @param transactions - Transactions as parsed from JSON.
 * @param options - As for `assessMany`. Invalid options (a malformed `asOf`, a `ruleset` that was not compiled) give
 * every transaction that `AssessmentError`.
 * @returns One result per transaction, in order; each assessment deeply frozen.
 * @throws {AssessmentError} `invalid_argument` only, when `transactions` is not iterable or its iteration throws;
 * anything else is a bug in this library.
 *
 * @example
 * import { assessEach, loadRuleset } from 'dual-use-rules';
 *
 * const ruleset = loadRuleset('eu-2021-821-art5', { asOf: '2025-06-30' });
 * for (const [index, result] of assessEach(openOrders, { ruleset }).entries()) {
 *   if (result.ok) console.log(index, result.assessment.outcome);
 *   else console.error(index, result.error.message); // a TransactionError lists every issue in result.error.issues
 * }
 */
export function assessEach(transactions: Iterable<unknown>, options: AssessOptions = {}): AssessEachResult[] {
  let checked: CheckedOptions | AssessmentError;
  try {
    checked = checkOptions(options);
  } catch (error) {
    if (!(error instanceof AssessmentError)) throw error;
    checked = error;
  }
  const results: AssessEachResult[] = [];
  forEachOf(transactions, ['transactions'], refuseArgument, (transaction) => {
    if (checked instanceof AssessmentError) {
      results.push({ ok: false, error: checked });
      return;
    }
    try {
      results.push({ ok: true, assessment: assessCompiled(transaction, checked) });
    } catch (error) {
      if (!(error instanceof TransactionError || error instanceof AssessmentError)) throw error;
      results.push({ ok: false, error });
    }
  });
  return results;
}
