import fc from 'fast-check';
import {
  assessMany,
  type Assessment,
  type CompiledRuleset,
  type RulesetDocument,
  type Transaction,
} from '../../src/index';
import { transactionSpace, type TransactionSpace } from '../../src/testing/generative/transactionSpace';
import { heavyRuns } from './runs';

/** How many rulesets each property over generated rulesets generates: 2,000 in the deep tier, 25 in `npm test`. */
export const RULESETS = heavyRuns(2_000);

/** For the agreement of the two evaluators, whose json-rules-engine path costs more: 1,000 and 25. */
export const RULESETS_ON_BOTH_EVALUATORS = heavyRuns(1_000);

/**
 * Partial transactions per generated ruleset: compiling a ruleset and building its evaluator cost about as much as a
 * hundred assessments, so each ruleset is checked on several transactions.
 */
export const PER_RULESET = 8;

/**
 * A hang guard for the properties over generated rulesets, well above what they take alone (about 40 s each in the
 * deep tier), for a CI machine shared with the other test files; not a performance bound.
 */
export const GENERATED_TIMEOUT_MS = 600_000;

/** The assessment of one transaction on the compiled evaluator. */
export const assessOne = (transaction: unknown, ruleset: CompiledRuleset): Assessment =>
  assessMany([transaction], { ruleset })[0] as Assessment;

/** A generated ruleset with partial transactions of its space, each with what a property adds to it. */
export function casesOf<T>(
  documents: fc.Arbitrary<RulesetDocument>,
  more: (partial: Transaction, space: TransactionSpace) => fc.Arbitrary<T>,
) {
  return documents.chain((document) => {
    const space = transactionSpace(document);
    const sample = space.partial.chain((partial) =>
      fc.record({ partial: fc.constant(partial), more: more(partial, space) }),
    );
    return fc.record({
      document: fc.constant(document),
      samples: fc.array(sample, { minLength: PER_RULESET, maxLength: PER_RULESET }),
    });
  });
}
