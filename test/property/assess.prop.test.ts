import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { assess, OUTCOMES, type ConditionTrace, type TruthValue } from '../../src/index';
import { completeTransactionArbitrary, partialTransactionArbitrary, vocabularyOf } from '../../src/testing/arbitraries';
import { SHIPPED_COMPOSITIONS } from '../support/rulesets';
import { runs } from '../support/runs';

const RUNS = runs(300);

/** Recomputes a condition's result from its comparisons, independently of both evaluators. */
function recompute(condition: ConditionTrace): TruthValue {
  switch (condition.type) {
    case 'fact':
      return condition.actual === null
        ? 'unknown'
        : compare(condition.operator, condition.actual, condition.expected)
          ? 'true'
          : 'false';
    case 'all': {
      const results = condition.conditions.map(recompute);
      return results.includes('false') ? 'false' : results.includes('unknown') ? 'unknown' : 'true';
    }
    case 'any': {
      const results = condition.conditions.map(recompute);
      return results.includes('true') ? 'true' : results.includes('unknown') ? 'unknown' : 'false';
    }
    case 'not': {
      const result = recompute(condition.condition);
      return result === 'unknown' ? 'unknown' : result === 'true' ? 'false' : 'true';
    }
    case 'named':
      return recompute(condition.condition);
  }
}

const LEVELS = ['none', 'mere-possibility', 'grounds-for-suspicion', 'positive-knowledge'];

function compare(operator: string, actual: unknown, expected: unknown): boolean {
  const list = (value: unknown) => value as unknown[];
  switch (operator) {
    case 'equal':
      return actual === expected;
    case 'notEqual':
      return actual !== expected;
    case 'in':
      return list(expected).includes(actual);
    case 'notIn':
      return !list(expected).includes(actual);
    case 'contains':
      return list(actual).includes(expected);
    case 'doesNotContain':
      return !list(actual).includes(expected);
    case 'containsAny':
      return list(actual).some((value) => list(expected).includes(value));
    case 'containsNone':
      return !list(actual).some((value) => list(expected).includes(value));
    case 'lessThan':
      return (actual as number) < (expected as number);
    case 'lessThanInclusive':
      return (actual as number) <= (expected as number);
    case 'greaterThan':
      return (actual as number) > (expected as number);
    case 'greaterThanInclusive':
      return (actual as number) >= (expected as number);
    case 'atLeast':
      return LEVELS.indexOf(actual as string) >= LEVELS.indexOf(expected as string);
    case 'below':
      return LEVELS.indexOf(actual as string) < LEVELS.indexOf(expected as string);
    default:
      throw new Error(`unknown operator ${operator}`);
  }
}

describe.each(SHIPPED_COMPOSITIONS)('assess on $name', ({ ruleset: load, asOf }) => {
  const ruleset = load();
  const vocabulary = vocabularyOf(ruleset);

  test('is deterministic: the same transaction gives a deep-equal assessment', async () => {
    await fc.assert(
      fc.asyncProperty(partialTransactionArbitrary(vocabulary), async ({ partial }) => {
        expect(await assess(partial, { ruleset, asOf })).toEqual(
          await assess(structuredClone(partial), { ruleset, asOf }),
        );
      }),
      { numRuns: RUNS },
    );
  });

  test('possibleOutcomes is sound: completing the unknown facts never leads outside it', async () => {
    await fc.assert(
      fc.asyncProperty(partialTransactionArbitrary(vocabulary), async ({ partial, complete }) => {
        const before = await assess(partial, { ruleset, asOf });
        const after = await assess(complete, { ruleset, asOf });
        expect(before.possibleOutcomes).toContain(after.outcome);
        if (before.possibleOutcomes.length === 1) expect(after.outcome).toBe(before.outcome);
      }),
      { numRuns: RUNS },
    );
  });

  test(
    'never throws on valid input, returns a listed outcome, and keeps the contract between outcome, ' +
      'questions and obligations',
    async () => {
      await fc.assert(
        fc.asyncProperty(partialTransactionArbitrary(vocabulary), async ({ partial }) => {
          const assessment = await assess(partial, { ruleset, asOf });
          expect(OUTCOMES).toContain(assessment.outcome);
          expect(assessment.possibleOutcomes).toContain(
            assessment.possibleOutcomes.length === 1 ? assessment.outcome : assessment.possibleOutcomes[0],
          );
          if (assessment.possibleOutcomes.length > 1) {
            expect(assessment.outcome).toBe('insufficient_information');
            expect(assessment.obligations).toEqual([]);
          } else {
            expect(assessment.possibleOutcomes).toEqual([assessment.outcome]);
            expect(assessment.obligations.length).toBeGreaterThan(0);
          }
          if (assessment.outcome === 'insufficient_information') expect(assessment.questions.length).toBeGreaterThan(0);
          if (assessment.outcome === 'no_obligation') expect(assessment.questions).toEqual([]);
        }),
        { numRuns: RUNS },
      );
    },
  );

  test('no rule is skipped: every rule is traced once, in order, with the result its conditions give', async () => {
    const ruleIds = (ruleset.document.rules ?? []).map((rule) => rule.id);
    await fc.assert(
      fc.asyncProperty(partialTransactionArbitrary(vocabulary), async ({ partial }) => {
        const { trace, obligations, outcome, possibleOutcomes } = await assess(partial, { ruleset, asOf });
        expect(trace.map((step) => step.rule)).toEqual(ruleIds);
        for (const step of trace) expect(step.result).toBe(recompute(step.conditions));
        for (const obligation of obligations) {
          if (obligation.rule !== ruleset.document.fallback?.id)
            expect(trace.find((step) => step.rule === obligation.rule)?.result).toBe('true');
        }
        if (possibleOutcomes.length === 1 && outcome !== ruleset.document.fallback?.outcome) {
          expect(trace.some((step) => step.result === 'true' && step.outcome === outcome)).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  test('1,000 concurrent calls on one compiled ruleset equal the same calls made one by one', async () => {
    const transactions = fc.sample(completeTransactionArbitrary(vocabulary), { numRuns: runs(1000), seed: 42 });
    const sequential = [];
    for (const transaction of transactions) sequential.push(await assess(transaction, { ruleset, asOf }));
    const concurrent = await Promise.all(transactions.map((transaction) => assess(transaction, { ruleset, asOf })));
    expect(concurrent).toEqual(sequential);
  });
});
