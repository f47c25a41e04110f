import { AssessmentError } from '../errors/AssessmentError';
import type { Evaluation } from '../model/evaluation';
import type { Program } from '../model/program';
import type { TransactionSchema } from '../transaction/transactionSchema';
import type { RulesetReference } from '../types/assessment';
import type { CompiledRuleset } from '../types/compiledRuleset';
import type { FactValues } from './prepareFacts';
import type { TransactionReading } from './readTransaction';

/** What a compiled ruleset holds besides its public data: kept here so no caller can reach or forge it. */
export interface RulesetInternals {
  readonly program: Program;
  readonly reference: RulesetReference;
  /** Evaluation on json-rules-engine (used by `assess`). */
  readonly evaluateWithEngine: (facts: FactValues) => Promise<Evaluation>;
  /** Evaluation by the compiled closures (used for bulk work). */
  readonly evaluateCompiled: (facts: FactValues) => Evaluation;
  /** The transaction schema with this ruleset's catalogue ids, built on first use. */
  readonly transactionSchema: () => TransactionSchema;
  /** Validates a transaction against that schema and reads its id and input facts (see `inputPaths`); throws `TransactionError`. */
  readonly readTransaction: (input: unknown) => TransactionReading;
}

const registry = new WeakMap<CompiledRuleset, RulesetInternals>();

export function registerInternals(ruleset: CompiledRuleset, internals: RulesetInternals): void {
  registry.set(ruleset, internals);
}

/** The internals of a ruleset made by `compileRuleset`; anything else is refused with a clear error. */
export function internalsOf(ruleset: unknown): RulesetInternals {
  const internals =
    typeof ruleset === 'object' && ruleset !== null ? registry.get(ruleset as CompiledRuleset) : undefined;
  if (internals === undefined) {
    throw new AssessmentError(
      'not_a_compiled_ruleset',
      'options.ruleset must be a CompiledRuleset from compileRuleset() or loadRuleset(), not a ruleset ' +
        'document or a copy of one.',
    );
  }
  return internals;
}
