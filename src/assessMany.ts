import { compiledRuntime } from './compile/compiledRuntime';
import { readingUntrusted } from './document/plainData';
import { AssessmentError } from './errors/AssessmentError';
import { forEachOf, readOptions } from './errors/readArguments';
import { TransactionError } from './errors/TransactionError';
import { buildAssessment } from './evaluate/assessment/buildAssessment';
import { prepareAssessment, type CheckedOptions, type PreparedAssessment } from './evaluate/prepareAssessment';
import { loadBundledDefault } from './rulesets/bundledRegistry';
import { selectRuleset } from './rulesets/selectRuleset';
import { checkAsOf } from './time/dates';
import type { Assessment } from './types/assessment';
import type { AssessOptions } from './types/assessOptions';

/**
 * Assesses many transactions synchronously with the compiled evaluator: plain closures built once from the same
 * ruleset JSON, giving the same assessments as `assess` (which runs json-rules-engine; a property test in CI compares
 * them deep-equal), much faster. Use it for bulk work: re-screening open orders, diffs, property tests. To get an
 * error per transaction rather than an exception for the first one, use `assessEach`.
 *
 * @param transactions - Transactions as parsed from JSON.
 * @param options - As for `assess`; without `ruleset`, each transaction gets the bundled ruleset in force on its date.
 * @returns One assessment per transaction, in order, each deeply frozen.
 * @throws {TransactionError} for the first invalid transaction (its issues' paths are within that transaction).
 * @throws {AssessmentError} when `asOf` is malformed or `ruleset` is not a compiled ruleset (checked once, before any
 * transaction is read, so an empty batch is refused too), or when no bundled version is in force on `asOf`, or
 * `ruleset` is not in force on `asOf` (or today) for a transaction without a date; `invalid_argument` when
 * `transactions` is not a list.
 *
 * @example
 * const ruleset = loadRuleset('eu-2021-821-art5', { asOf: '2025-06-30' });
 * const results = assessMany(openOrders, { ruleset });
 * const toNotify = results.filter((a) => a.outcome === 'notification_required');
 */
export function assessMany(transactions: Iterable<unknown>, options: AssessOptions = {}): Assessment[] {
  const checked = checkOptions(options);
  const assessments: Assessment[] = [];
  forEachOf(transactions, ['transactions'], refuseArgument, (transaction) =>
    assessments.push(assessCompiled(transaction, checked)),
  );
  return assessments;
}

/**
 * What `assessMany` and `assessEach` do for each transaction: choose its ruleset, validate it and compute its facts,
 * evaluate with the compiled closures and build the assessment. Throws `TransactionError` or `AssessmentError`.
 */
export function assessCompiled(transaction: unknown, checked: CheckedOptions): Assessment {
  const { runtime, transactionId, facts } = prepare(transaction, checked);
  return buildAssessment(runtime.parts, facts, runtime.compiled.evaluate(facts), transactionId);
}

/**
 * Chooses the ruleset for a transaction and reads the transaction for it (both evaluators start here). Where reading
 * fails on a value that is not plain JSON data (a getter or proxy that throws, a cycle, a BigInt), the
 * `TransactionError` names where, as for any other invalid transaction.
 */
export function prepare(transaction: unknown, checked: CheckedOptions): PreparedAssessment {
  return readingUntrusted(
    transaction,
    () => {
      const { ruleset, issues } = selectRuleset(transaction, checked.ruleset, checked.asOf, loadBundledDefault);
      return prepareAssessment(transaction, ruleset, issues, checked);
    },
    (issues) => new TransactionError(issues),
  );
}

/**
 * Checks the options of `assess`, `assessMany` and `assessEach` before any transaction is read, each read once: an
 * object (or nothing), `asOf` a calendar date and `ruleset` a compiled ruleset. Throws `AssessmentError`
 * (`invalid_option`, `not_a_compiled_ruleset`).
 */
export function checkOptions(options: unknown): CheckedOptions {
  const { ruleset, asOf } = readOptions<AssessOptions>(options, { ruleset: 'any', asOf: 'any' }, refuseArgument);
  checkAsOf(asOf);
  return { ruleset, runtime: ruleset === undefined ? undefined : compiledRuntime(ruleset), asOf };
}

/** How `assessMany` and `assessEach` refuse an argument that is not a list of transactions. */
export function refuseArgument(
  issue: ConstructorParameters<typeof AssessmentError>[0],
  cause?: unknown,
): AssessmentError {
  return new AssessmentError(issue, { cause });
}
