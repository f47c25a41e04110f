import { checkOptions, prepare } from './assessMany';
import { buildAssessment } from './evaluate/assessment/buildAssessment';
import type { Assessment } from './types/assessment';
import type { AssessOptions } from './types/assessOptions';

/**
 * Assesses one proposed transaction: what the ruleset (by default Article 5 of Regulation (EU) 2021/821 as in force
 * on the transaction's date) requires, what is still unknown, and why, with a citation at every step.
 * Evaluation runs on json-rules-engine, in three-valued logic (an unknown fact never counts as false): this is the
 * contract, and the oracle that `assessMany` and `assessEach` (compiled closures, for bulk work) are tested against.
 *
 * @param transaction - The transaction, as parsed from JSON. Absent or `null` fields mean "unknown".
 * @param options - The ruleset to use and the date to assess on when the transaction has none.
 * @returns The assessment, deeply frozen: outcome, possible outcomes, obligations, questions, notes and the full trace.
 * @throws {TransactionError} when the transaction is invalid (every issue, with its path), including when no
 * ruleset version is in force on its `date`.
 * @throws {AssessmentError} when `asOf` is malformed or outside every version, or `ruleset` is not a compiled ruleset,
 * or is not in force on `asOf` (or today) for a transaction without a date.
 *
 * @example
 * import { assess } from 'dual-use-rules';
 *
 * const assessment = await assess({
 *   date: '2025-03-01',
 *   exporter: { country: 'DE' },
 *   destination: { country: 'BR' },
 *   item: { annexIEntries: ['5A001.j'] },
 * });
 * assessment.outcome;                 // 'authorisation_required'
 * assessment.obligations[0].citation; // { instrument: 'Regulation (EU) 2021/821', pinpoint: 'Art. 3(1)', … }
 */
export async function assess(transaction: unknown, options: AssessOptions = {}): Promise<Assessment> {
  const checked = checkOptions(options);
  const { runtime, transactionId, facts } = prepare(transaction, checked);
  const evaluation = await runtime.engine.evaluate(facts);
  return buildAssessment(runtime.parts, facts, evaluation, transactionId);
}
