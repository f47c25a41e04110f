import { CodedError, fromIssue } from '../errors/CodedError';
import type { Transaction } from '../transaction/transactionSchema';
import type { RulesetReference } from '../types/assessment';
import { counterexampleMessage } from './counterexampleMessage';
import type { Invariant } from './invariants';

/**
 * Thrown by `checkInvariants` with the smallest transaction fast-check found that breaks an invariant: a coded error
 * (`invariant_violated`) like every error of this package, whose one issue names the invariant.
 */
export class InvariantViolation extends CodedError<'invariant_violated'> {
  override readonly name = 'InvariantViolation';

  constructor(
    readonly invariant: Invariant,
    /** What went wrong for `transaction`. */
    readonly detail: string,
    /** The shrunk counterexample (before the invariant's own edit). */
    readonly transaction: Transaction,
    readonly ruleset: RulesetReference,
    /** Pass these back in the options to reproduce the failure. */
    readonly replay: { readonly seed: number; readonly path: string },
  ) {
    super(
      ...fromIssue({
        path: [],
        code: 'invariant_violated',
        invariant: invariant.name,
        message: counterexampleMessage(
          [
            `Invariant "${invariant.name}" fails for ${describeRuleset(ruleset)}: ${detail}`,
            `  (${invariant.description})`,
          ],
          transaction,
          replay,
        ),
      }),
    );
  }
}

function describeRuleset(ruleset: RulesetReference): string {
  return [
    `${ruleset.id} ${ruleset.version}`,
    ...ruleset.overlays.map((overlay) => `${overlay.id} ${overlay.version}`),
  ].join(' + ');
}
