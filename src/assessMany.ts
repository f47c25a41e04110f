import { buildAssessment } from './evaluate/buildAssessment';
import { prepareAssessment, type AssessOptions } from './evaluate/prepareAssessment';
import type { Assessment } from './types/assessment';

/**
 * Assesses many transactions synchronously with the compiled evaluator: plain closures built once from the same
 * ruleset JSON, giving the same assessments as `assess` (a property test in CI compares them deep-equal), much faster.
 * Use it for bulk work: re-screening open orders, diffs, property tests.
 *
 * @param transactions - Transactions as parsed from JSON.
 * @param options - As for `assess`; without `ruleset`, each transaction gets the bundled ruleset in force on its date.
 * @returns One assessment per transaction, in order.
 * @throws {TransactionError} for the first invalid transaction (its issues' paths are within that transaction).
 *
 * @example
 * const ruleset = loadRuleset('eu-2021-821-art5', { asOf: '2025-06-30' });
 * const results = assessMany(openOrders, { ruleset });
 * const toNotify = results.filter((a) => a.outcome === 'notification_required');
 */
export function assessMany(transactions: Iterable<unknown>, options: AssessOptions = {}): Assessment[] {
  const assessments: Assessment[] = [];
  for (const transaction of transactions) {
    const { internals, transactionId, facts } = prepareAssessment(transaction, options);
    assessments.push(buildAssessment(internals.program, internals.reference, facts, internals.evaluateCompiled(facts), transactionId));
  }
  return assessments;
}
