import type { Issue } from '../errors/issue';
import { readReportingAll, refuseTransaction } from '../transaction/transactionIssues';
import type { CompiledRuleset } from '../types/compiledRuleset';
import { prepareFacts, type FactValues } from './prepareFacts';
import { ownRuntime, type RulesetRuntime } from './rulesetRuntime';

/** Options checked once (for a batch, once for all its transactions): `asOf` well-formed, `ruleset` compiled. */
export interface CheckedOptions {
  readonly ruleset: CompiledRuleset | undefined;
  /** The runtime of `ruleset`, when one is given. */
  readonly runtime: RulesetRuntime | undefined;
  readonly asOf: string | undefined;
}

/** A transaction ready for evaluation: validated against its ruleset, with every fact computed. */
export interface PreparedAssessment {
  /** The runtime of the ruleset chosen for the transaction. */
  readonly runtime: RulesetRuntime;
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
  // The ruleset given in the options, or one a registry of this copy of the package compiled.
  const runtime = ruleset === options.ruleset && options.runtime !== undefined ? options.runtime : ownRuntime(ruleset);
  if (runtime === undefined) throw new Error(`A registry gave a ruleset it did not compile: ${ruleset.id}.`);
  const reading = readReportingAll(issues, () => runtime.readTransaction(input));
  return { runtime, transactionId: reading.id, facts: prepareFacts(runtime.factPlan, reading.inputs) };
}
