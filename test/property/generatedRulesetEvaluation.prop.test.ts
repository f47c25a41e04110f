import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { assess, assessMany, compileRuleset, type Assessment } from '../../src/index';
import { orderFailure } from '../../src/testing/generative/properties';
import { rulesetArbitrary } from '../../src/testing/generative/rulesetArbitrary';
import { transactionSpace } from '../../src/testing/generative/transactionSpace';
import {
  casesOf,
  GENERATED_TIMEOUT_MS,
  PER_RULESET,
  RULESETS,
  RULESETS_ON_BOTH_EVALUATORS,
} from '../support/generatedRulesets';

// Issue 19 point 1: the class of D1, D2, D6, D7 and D12, not the instances. Rulesets are generated within the schema
// (every derivation kind, records whose fields may be unknown, catalogue attributes that are null or left out, whole
// weights, named conditions, rules in three-valued logic, random precedences), with transactions for each.

describe(`generated rulesets, ${PER_RULESET} transactions each`, () => {
  test(
    `(c) the two evaluators agree on ${RULESETS_ON_BOTH_EVALUATORS.toLocaleString('en')} rulesets: assess and assessMany give deep-equal assessments`,
    async () => {
      await fc.assert(
        fc.asyncProperty(
          casesOf(rulesetArbitrary(), () => fc.constant(undefined)),
          async ({ document, samples }) => {
            const ruleset = compileRuleset(document);
            const transactions = samples.map((sample) => sample.partial);
            const compiled = assessMany(transactions, { ruleset });
            for (const [index, transaction] of transactions.entries()) {
              const engine = await assess(transaction, { ruleset });
              if (!isDeepStrictEqual(compiled[index], engine)) expect(compiled[index]).toEqual(engine);
            }
          },
        ),
        { numRuns: RULESETS_ON_BOTH_EVALUATORS },
      );
    },
    GENERATED_TIMEOUT_MS,
  );

  test(
    `(d) order independence on ${RULESETS.toLocaleString('en')} rulesets: the entries of each list reversed, or in a random order, give the same decision`,
    () => {
      fc.assert(
        fc.property(
          casesOf(rulesetArbitrary(), (partial, space) => space.reorderingsOf(partial)),
          ({ document, samples }) => {
            const ruleset = compileRuleset(document);
            const space = transactionSpace(document);
            for (const { partial, more: reordered } of samples) {
              const [original, ...others] = assessMany([partial, space.reversed(partial), reordered], { ruleset });
              for (const other of others) {
                const failure = orderFailure(original as Assessment, other as Assessment);
                if (failure !== undefined) throw new Error(failure);
              }
            }
          },
        ),
        { numRuns: RULESETS },
      );
    },
    GENERATED_TIMEOUT_MS,
  );
});
