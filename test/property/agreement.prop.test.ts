import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { syntheticRuleset } from '../../bench/syntheticRuleset';
import { assess, assessMany, compileRuleset, type CompiledRuleset, type RulesetDocument } from '../../src/index';
import { partialTransactionArbitrary, vocabularyOf } from '../../src/testing/arbitraries';
import { readJsonFile, SHIPPED_COMPOSITIONS } from '../support/rulesets';
import { runs } from '../support/runs';

/** The transactions per shipped ruleset on which both evaluation paths must give the same assessments. */
const TRANSACTIONS = runs(10_000);

/**
 * Both paths assess every transaction; assessments are compared with strict deep equality (key sets, `undefined`
 * and prototypes included), and the first difference is shown as a readable diff.
 */
async function expectAgreement(ruleset: CompiledRuleset, count: number, seed: number): Promise<void> {
  // Undated transactions, assessed on a day the ruleset is in force (an explicit ruleset is refused outside it).
  const asOf = ruleset.validity.from;
  const transactions = fc.sample(
    partialTransactionArbitrary(vocabularyOf(ruleset)).map(({ partial }) => partial),
    { numRuns: count, seed },
  );
  const compiled = assessMany(transactions, { ruleset, asOf });
  for (const [index, transaction] of transactions.entries()) {
    const engine = await assess(transaction, { ruleset, asOf });
    if (!isDeepStrictEqual(compiled[index], engine))
      expect({ transaction, assessment: compiled[index] }).toEqual({ transaction, assessment: engine });
  }
  expect(compiled).toHaveLength(count);
}

describe.each(SHIPPED_COMPOSITIONS)('assessMany agrees with assess on $name', ({ ruleset: load }) => {
  test(
    `full assessments, trace included, are deep-equal on ${TRANSACTIONS.toLocaleString('en')} ` +
      `generated transactions`,
    async () => {
      await expectAgreement(load(), TRANSACTIONS, 7);
    },
  );
});

describe('assessMany agrees with assess on a synthetic ruleset', () => {
  // Negation, every operator, and named conditions that use other named conditions, also under negation: what the
  // engine path's rule chaining must translate and the shipped rulesets do not all exercise.
  test(
    `full assessments are deep-equal on ${runs(2000).toLocaleString('en')} transactions against ` +
      `60 generated rules`,
    async () => {
      const ruleset = compileRuleset(
        syntheticRuleset(readJsonFile('rulesets/eu-2021-821-art5/2.0.0.json') as RulesetDocument, 60, 3),
      );
      await expectAgreement(ruleset, runs(2000), 11);
    },
  );
});
