import { describe, expect, test } from 'vitest';
import { assess, compileRuleset, RulesetError } from '../../src/index';
import { checkMonotonicity, checkOrderIndependence, checkSoundness } from '../../src/testing/index';
import { d1, d12, d2, d6, d7 } from '../fixtures/hostile-rulesets';
import { released200 } from '../fixtures/hostile-rulesets/reviewRuleset';
import { article5Transactions } from '../support/rulesets';
import { runs } from '../support/runs';

// Issue 19: the review's D1, D2, D6, D7 and D12 rulesets compiled without a warning and answered wrongly in silence.
// D2, D7 and D12 are now refused; D1 and D6 (fixed by the law layer) compile, and the soundness property holds on
// them. Each of these tests fails on the code before its fix (the report of the soundness branch gives the
// counterexamples found there).

const RUNS = runs(2_000);

describe("the review's rulesets, kept as fixtures", () => {
  test.each([d2, d7, d12])(
    '$finding is refused by compile with its issue codes and paths',
    ({ document, refusedWith }) => {
      let thrown: unknown;
      try {
        compileRuleset(document());
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(RulesetError);
      for (const issue of refusedWith)
        expect((thrown as RulesetError).issues).toContainEqual(expect.objectContaining(issue));
    },
  );

  test('D7: every fractional weight is refused at its own path', () => {
    const issues = (() => {
      try {
        compileRuleset(d7.document());
      } catch (error) {
        return (error as RulesetError).issues;
      }
      return [];
    })();
    expect(issues.filter((issue) => issue.code === 'fractional_weight')).toHaveLength(10);
  });

  describe('D1 and D6 compile, and no completion leads outside their possible outcomes', () => {
    test(`D1: a party whose country is unknown may be in RU (soundness on ${RUNS.toLocaleString('en')} transactions)`, async () => {
      const ruleset = compileRuleset(d1.document());
      // The review's transaction: the intermediary's country is not given, so the RU/BY rule may hold.
      const assessment = await assess(d1.transaction(), { ruleset });
      expect(assessment.possibleOutcomes).toEqual(['authorisation_required', 'no_obligation']);
      expect(assessment.outcome).toBe('insufficient_information');
      expect(checkSoundness(ruleset, { runs: RUNS, seed: 1 }).checked).toBe(RUNS * 3);
    });

    test(`D6: an implication recorded as not known may be particular vigilance (soundness on ${RUNS.toLocaleString('en')} transactions)`, async () => {
      const ruleset = compileRuleset(d6.document());
      const assessment = await assess(d6.transaction(), { ruleset });
      expect(assessment.possibleOutcomes).toContain('authorisation_required');
      expect(assessment.outcome).toBe('insufficient_information');
      expect(
        checkSoundness(ruleset, { runs: RUNS, seed: 6, ...article5Transactions(ruleset) }).checked,
      ).toBeGreaterThan(RUNS);
    });
  });

  describe("without the review's change (2.0.0 as released)", () => {
    // The properties that find D7 (order) and D12 (a red flag that lowers the outcome) on the code before the fix;
    // here they hold on the ruleset the review changed, so what they find there comes from the change. Each property
    // assesses the whole released Article 5 ruleset thousands of times in the deep tier: about a minute each on two
    // busy cores, so each has its own test and a time limit of its own.
    const ruleset = compileRuleset(released200());

    test('the order of red flags changes nothing', () => {
      expect(checkOrderIndependence(ruleset, { runs: RUNS, seed: 7, ...article5Transactions(ruleset) }).checked).toBe(
        2 * RUNS,
      );
    }, 600_000);

    test('more red flags never lower the outcome', () => {
      expect(
        checkMonotonicity(ruleset, { runs: RUNS, seed: 12, ...article5Transactions(ruleset) }).checked,
      ).toBeGreaterThan(RUNS);
    }, 600_000);
  });
});
