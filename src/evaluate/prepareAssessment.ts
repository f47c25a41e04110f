import type { Issue } from '../errors/issue';
import { checkAsOf } from '../time/dates';
import { readReportingAll, refuseTransaction } from '../transaction/transactionIssues';
import type { AssessOptions } from '../types/assessOptions';
import type { CompiledRuleset } from '../types/compiledRuleset';
import { prepareFacts, type FactValues } from './prepareFacts';
import { internalsOf, type RulesetInternals } from './rulesetInternals';

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
  checkAsOf(asOf);
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
 * Validates a transaction against the ruleset chosen for it (see `selectRuleset`), catalogue ids included, and
 * computes the facts. Throws `TransactionError` with every issue found: `issues` (the problem with its date, when no
 * ruleset is in force on it) and the transaction's own.
 */
export function prepareAssessment(
  input: unknown,
  ruleset: CompiledRuleset | undefined,
  issues: Issue[],
  options: CheckedOptions,
): PreparedAssessment {
  // Without a ruleset there is nothing to read for, but the contract's schema still lists every other problem.
  if (ruleset === undefined) return refuseTransaction(issues, input);
  const internals =
    ruleset === options.ruleset && options.internals !== undefined ? options.internals : internalsOf(ruleset);
  const reading = readReportingAll(issues, () => internals.readTransaction(input));
  return { internals, transactionId: reading.id, facts: prepareFacts(internals.program, reading.inputs) };
}
