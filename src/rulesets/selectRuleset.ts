import { AssessmentError } from '../errors/AssessmentError';
import type { Issue } from '../errors/issue';
import { describeWindow, isInForce, peekDate, today } from '../time/dates';
import type { CompiledRuleset } from '../types/compiledRuleset';

/** The ruleset a transaction is to be assessed with, or the problem with its date. */
export interface Selection {
  /** `undefined` when no version is in force on the transaction's own date. */
  readonly ruleset: CompiledRuleset | undefined;
  /** The problem with the transaction's date (at `/date`), to report with its other problems; empty when there is none. */
  readonly issues: Issue[];
}

/**
 * Picks the ruleset for a transaction, reading its `date` before validation (the ruleset decides what is valid):
 * `given` when there is one, checked to be in force on that date (else on `asOf`, else today); otherwise what `load`
 * gives for that date, else `asOf`, else today. A transaction whose own date no ruleset covers is not refused here:
 * the issue comes back, so that it is reported together with whatever else is wrong with the transaction.
 *
 * @throws {AssessmentError} `ruleset_not_in_force` when the date no ruleset covers is `asOf` or today (an undated
 * transaction without `asOf`); whatever else `load` throws.
 */
export function selectRuleset(
  input: unknown,
  given: CompiledRuleset | undefined,
  asOf: string | undefined,
  load: (date: string) => CompiledRuleset,
): Selection {
  const transactionDate = peekDate(input);
  const date = transactionDate ?? asOf;
  if (given !== undefined) {
    // Without a date or asOf, the assessment date is today, as for the default ruleset: no expired version answers.
    const { validity, id, version } = given;
    const on = date ?? today();
    if (isInForce(validity, on)) return { ruleset: given, issues: [] };
    const message =
      `The ruleset "${id}" ${version} states the law ${describeWindow(validity)}, not on ${on}` +
      `${date === undefined ? ' (today: the transaction has no date, and no assessment date was given)' : ''}.`;
    if (transactionDate === undefined)
      throw new AssessmentError({ path: ['options', 'asOf'], code: 'ruleset_not_in_force', date: on, message });
    return { ruleset: given, issues: [{ path: ['date'], code: 'ruleset_not_in_force', date: on, message }] };
  }
  try {
    return { ruleset: load(date ?? today()), issues: [] };
  } catch (error) {
    if (!(error instanceof AssessmentError && error.code === 'ruleset_not_in_force' && transactionDate !== undefined))
      throw error;
    return {
      ruleset: undefined,
      issues: [{ path: ['date'], code: 'ruleset_not_in_force', date: transactionDate, message: error.message }],
    };
  }
}
