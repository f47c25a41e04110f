import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { syntheticRuleset } from '../../bench/syntheticRuleset';
import { assess, assessEach, assessMany, compileRuleset, type Assessment, type RulesetDocument } from '../../src/index';
import { partialTransactionArbitrary, vocabularyOf } from '../../src/testing/arbitraries';
import { readJsonFile } from '../support/rulesets';
import { runs } from '../support/runs';

/** The path to the first object or array reachable from `value` that is not frozen, or `undefined` when all are. */
function firstUnfrozen(value: unknown, path = '', seen = new Set<object>()): string | undefined {
  if (typeof value !== 'object' || value === null || seen.has(value)) return undefined;
  seen.add(value);
  if (!Object.isFrozen(value)) return path || '/';
  for (const [key, child] of Object.entries(value)) {
    const found = firstUnfrozen(child, `${path}/${key}`, seen);
    if (found !== undefined) return found;
  }
  return undefined;
}

const article5 = readJsonFile('rulesets/eu-2021-821-art5/2.0.0.json') as RulesetDocument;
const RULESETS = [
  { name: 'Article 5 1.0.0', document: () => readJsonFile('rulesets/eu-2021-821-art5/1.0.0.json') },
  {
    name: 'Article 5 2.0.0 + de-awv-9-4',
    document: () => article5,
    overlays: () => [readJsonFile('rulesets/de-awv-9-4/1.0.0.json')],
  },
  // The law layer: certain duties, the authority on undecided assessments, overlay rules at extension points.
  {
    name: 'Article 5 2.1.0 + de-awv-9-4 1.1.0',
    document: () => readJsonFile('rulesets/eu-2021-821-art5/2.1.0.json'),
    overlays: () => [readJsonFile('rulesets/de-awv-9-4/1.1.0.json')],
  },
  // Negations, every operator, named conditions within named conditions: traces the shipped rulesets do not make.
  { name: 'a synthetic ruleset of 60 rules', document: () => syntheticRuleset(article5, 60, 3) },
];

describe.each(RULESETS)('assessments are deeply frozen on both paths: $name', ({ document, overlays }) => {
  // Compiled afresh, so that the first assessments meet empty intern tables, as in a new process.
  const ruleset = compileRuleset(document(), { overlays: overlays?.() ?? [] });
  // Undated transactions, assessed on a day the ruleset is in force (1.0.0 has expired; D9 refuses it today).
  const asOf = ruleset.validity.from;
  const transactions = fc.sample(
    partialTransactionArbitrary(vocabularyOf(ruleset)).map(({ partial }) => partial),
    { numRuns: runs(600), seed: 5 },
  );

  test('assess (json-rules-engine)', async () => {
    for (const transaction of transactions) {
      const assessment = await assess(transaction, { ruleset, asOf });
      expect({ transaction, unfrozen: firstUnfrozen(assessment) }).toEqual({ transaction, unfrozen: undefined });
    }
  });

  test('assessMany (compiled closures), on first sight of each transaction and again', () => {
    const check = (assessments: Assessment[]) =>
      assessments.forEach((assessment, index) =>
        expect({ transaction: transactions[index], unfrozen: firstUnfrozen(assessment) }).toEqual({
          transaction: transactions[index],
          unfrozen: undefined,
        }),
      );
    check(assessMany(transactions, { ruleset, asOf }));
    check(assessMany(transactions, { ruleset, asOf }));
  });

  test('assessEach (compiled closures)', () => {
    for (const [index, result] of assessEach(transactions, { ruleset, asOf }).entries()) {
      const transaction = transactions[index];
      expect(result.ok).toBe(true);
      if (result.ok)
        expect({ transaction, unfrozen: firstUnfrozen(result.assessment) }).toEqual({
          transaction,
          unfrozen: undefined,
        });
    }
  });
});
