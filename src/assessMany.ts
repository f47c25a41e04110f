import { buildAssessment } from './evaluate/buildAssessment';
import { checkOptions, prepareAssessment } from './evaluate/prepareAssessment';
import { loadBundledDefault } from './rulesets/bundledRegistry';
import { selectRuleset } from './rulesets/selectRuleset';
import type { Assessment } from './types/assessment';
import type { AssessOptions } from './types/assessOptions';

/**
 * Assesses many transactions synchronously with the compiled evaluator: plain closures built once from the same
 * ruleset JSON, giving the same assessments as `assess` (a property test in CI compares them deep-equal), much faster.
 * Use it for bulk work: re-screening open orders, diffs, property tests.
 *
 * @param transactions - Transactions as parsed from JSON.
 * @param options - As for `assess`; without `ruleset`, each transaction gets the bundled ruleset in force on its date.
 * @returns One assessment per transaction, in order.
 * @throws {TransactionError} for the first invalid transaction (its issues' paths are within that transaction).
 * @throws {AssessmentError} when `asOf` is malformed or `ruleset` is not a compiled ruleset (checked once, before any
 * transaction is read, so an empty batch is refused too), or when no bundled version is in force on `asOf`, or
 * `ruleset` is not in force on `asOf` (or today) for a transaction without a date.
 *
 * @example
 * const ruleset = loadRuleset('eu-2021-821-art5', { asOf: '2025-06-30' });
 * const results = assessMany(openOrders, { ruleset });
 * const toNotify = results.filter((a) => a.outcome === 'notification_required');
 */
export function assessMany(transactions: Iterable<unknown>, options: AssessOptions = {}): Assessment[] {
  const checked = checkOptions(options);
  const assessments: Assessment[] = [];
  for (const transaction of transactions) {
    const { ruleset, issues } = selectRuleset(transaction, checked.ruleset, checked.asOf, loadBundledDefault);
    const { internals, transactionId, facts } = prepareAssessment(transaction, ruleset, issues, checked);
    assessments.push(
      buildAssessment(internals.program, internals.reference, facts, internals.evaluateCompiled(facts), transactionId),
    );
  }
  return assessments;
}
