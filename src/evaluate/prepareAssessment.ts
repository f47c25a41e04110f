import type { CompiledRuleset } from '../compileRuleset';
import { internalsOf, type RulesetInternals } from './rulesetInternals';
import { AssessmentError } from '../errors/AssessmentError';
import { TransactionError } from '../errors/TransactionError';
import type { Issue } from '../errors/issue';
import { loadRuleset } from '../loadRuleset';
import { DEFAULT_RULESET_ID } from '../rulesets/bundled';
import { describeWindow, isCalendarDate, isInForce, peekDate, today } from '../time/dates';
import { parseTransaction } from '../transaction/parseTransaction';
import { transactionSchema } from '../transaction/transactionSchema';
import { prepareFacts, type FactValues } from './prepareFacts';
import type { TransactionReading } from './readTransaction';

/** Options for `assess` and `assessMany`. */
export interface AssessOptions {
  /** The ruleset to apply. Default: the bundled Article 5 ruleset in force on the transaction's date (or `asOf`). */
  readonly ruleset?: CompiledRuleset;
  /** The date (`YYYY-MM-DD`) to assess on when the transaction has no `date`. Default: today (UTC). */
  readonly asOf?: string;
}

/** Options checked once (for a batch, once for all its transactions): `asOf` well-formed, `ruleset` compiled. */
export interface CheckedOptions {
  readonly ruleset: CompiledRuleset | undefined;
  /** The internals of `ruleset`, when one is given. */
  readonly internals: RulesetInternals | undefined;
  readonly asOf: string | undefined;
}

/**
 * Checks options before any transaction is read, each read once: `asOf` must be a calendar date and `ruleset` a
 * ruleset from `compileRuleset` or `loadRuleset`. Throws `AssessmentError` (`invalid_option`, `not_a_compiled_ruleset`).
 */
export function checkOptions(options: AssessOptions): CheckedOptions {
  const { ruleset, asOf } = options;
  if (asOf !== undefined && !(typeof asOf === 'string' && isCalendarDate(asOf))) {
    throw new AssessmentError('invalid_option', `asOf must be a date written YYYY-MM-DD, not ${JSON.stringify(asOf)}.`);
  }
  return { ruleset, internals: ruleset === undefined ? undefined : internalsOf(ruleset), asOf };
}

/** A transaction ready for evaluation: validated against its ruleset, with every fact computed. */
export interface PreparedAssessment {
  readonly internals: RulesetInternals;
  /** The transaction's `id`, when it has one. */
  readonly transactionId: string | undefined;
  readonly facts: FactValues;
}

/**
 * Picks the ruleset (explicit, or the bundled one in force on the transaction's date), validates the transaction
 * against it, catalogue ids included, and computes the facts. Throws `TransactionError` with every issue found,
 * including a transaction date on which no ruleset is in force.
 */
export function prepareAssessment(input: unknown, options: CheckedOptions): PreparedAssessment {
  const transactionDate = peekDate(input);
  const date = transactionDate ?? options.asOf;
  const issues: Issue[] = [];
  let internals = options.internals;
  if (options.ruleset !== undefined) {
    const { validity, id, version } = options.ruleset;
    if (date !== undefined && !isInForce(validity, date)) {
      const message = `The ruleset "${id}" ${version} states the law ${describeWindow(validity)}, not on ${date}.`;
      if (transactionDate === undefined) throw new AssessmentError('ruleset_not_in_force', message);
      issues.push({ path: ['date'], code: 'ruleset_not_in_force', message });
    }
  } else {
    try {
      internals = internalsOf(loadRuleset(DEFAULT_RULESET_ID, { asOf: date ?? today() }));
    } catch (error) {
      if (!(error instanceof AssessmentError && error.code === 'ruleset_not_in_force' && transactionDate !== undefined)) throw error;
      issues.push({ path: ['date'], code: 'ruleset_not_in_force', message: error.message });
    }
  }
  let reading: TransactionReading | undefined;
  try {
    // Without a ruleset there is nothing to read for, but zod still lists every other problem with the transaction.
    if (internals === undefined) parseTransaction(input, transactionSchema);
    else reading = internals.readTransaction(input);
  } catch (error) {
    if (!(error instanceof TransactionError)) throw error;
    // Not push(...issues): spreading 150,000 issues (one per unknown key) overflows the stack.
    for (const issue of error.issues) issues.push(issue);
  }
  if (issues.length > 0 || internals === undefined || reading === undefined) throw new TransactionError(issues);
  return { internals, transactionId: reading.id, facts: prepareFacts(internals.program, reading.inputs) };
}
