import fc from 'fast-check';
import {
  assessMany,
  type Assessment,
  type CompiledRuleset,
  type RulesetDocument,
  type Transaction,
} from '../../src/index';
import { transactionSpace, type TransactionSpace } from '../../src/testing/generative/transactionSpace';
import { runs } from './runs';

/** How many rulesets each property over generated rulesets generates: 4,000 in the deep tier, 200 in `npm test`. */
export const RULESETS = runs(4_000);

/** Partial transactions per generated ruleset: compiling and evaluating a ruleset costs more than assessing. */
export const PER_RULESET = 4;

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
