import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { assess, assessMany } from '../../src/index';
import { partialTransactionArbitrary, vocabularyOf } from '../../src/testing/arbitraries';
import { SHIPPED_COMPOSITIONS } from '../support/rulesets';

describe.each(SHIPPED_COMPOSITIONS)('assessMany agrees with assess on $name', ({ ruleset: load }) => {
  const ruleset = load();
  test('full assessments, trace included, are deep-equal', async () => {
    const transactions = fc.sample(partialTransactionArbitrary(vocabularyOf(ruleset)).map(({ partial }) => partial), { numRuns: 2000, seed: 7 });
    const compiled = assessMany(transactions, { ruleset });
    for (const [index, transaction] of transactions.entries()) expect(compiled[index]).toEqual(await assess(transaction, { ruleset }));
  });
});
