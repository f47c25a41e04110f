import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { assessMany, compileRuleset, type Assessment } from '../../src/index';
import { dataCompletions } from '../../src/testing/generative/dataCompletions';
import { loweringFailure, soundnessFailure } from '../../src/testing/generative/properties';
import { rulesetArbitrary } from '../../src/testing/generative/rulesetArbitrary';
import { firstKnownContradiction } from '../../src/testing/generative/sourcesAgree';
import { transactionSpace } from '../../src/testing/generative/transactionSpace';
import { assessOne, casesOf, GENERATED_TIMEOUT_MS, PER_RULESET, RULESETS } from '../support/generatedRulesets';

// Issue 19 point 1: the class of D1, D2, D6, D7 and D12, not the instances. Rulesets are generated within the schema
// (every derivation kind, records whose fields may be unknown, catalogue attributes that are null or left out, whole
// weights, named conditions, rules in three-valued logic, random precedences), with transactions for each.

const COMPLETIONS = 3;

describe(`on ${RULESETS.toLocaleString('en')} generated rulesets, ${PER_RULESET} transactions each`, () => {
  test(
    '(a) soundness: no completion of the transaction or of the ruleset data leads outside possibleOutcomes or loses a certain duty',
    () => {
      let decided = 0;
      let contradicting = 0;
      fc.assert(
        fc.property(
          casesOf(rulesetArbitrary(), (partial, space) =>
            fc.array(space.completionsOf(partial), { minLength: COMPLETIONS, maxLength: COMPLETIONS }),
          ).chain((generated) =>
            fc.record({ generated: fc.constant(generated), data: dataCompletions(generated.document) }),
          ),
          ({ generated: { document, samples }, data }) => {
            const ruleset = compileRuleset(document);
            const completed = compileRuleset(data);
            for (const { partial, more: completions } of samples) {
              const before = assessOne(partial, ruleset);
              if (before.possibleOutcomes.length === 1) decided++;
              for (const completion of completions) {
                const failure = soundnessFailure(before, assessOne(completion, completed));
                if (failure === undefined) continue;
                // A completion that contradicts a source a firstKnown fact was answered from is not one.
                const contradiction = firstKnownContradiction(
                  { ruleset, transaction: partial },
                  { ruleset: completed, transaction: completion },
                );
                if (contradiction === undefined) throw new Error(failure);
                contradicting++;
              }
            }
          },
        ),
        { numRuns: RULESETS },
      );
      // Both decided and open assessments were checked, or the property said little.
      expect(decided).toBeGreaterThan((RULESETS * PER_RULESET) / 10);
      expect(decided).toBeLessThan(RULESETS * PER_RULESET);
      // Few completions fail for contradicting a firstKnown source, or the property would excuse much.
      expect(contradicting).toBeLessThan(RULESETS * PER_RULESET * COMPLETIONS * 0.1);
    },
    GENERATED_TIMEOUT_MS,
  );

  test(
    '(b) monotonicity: in rulesets monotone by construction, no raise lowers the possible outcomes',
    () => {
      let raised = 0;
      fc.assert(
        fc.property(
          casesOf(rulesetArbitrary({ monotone: true }), () => fc.constant(undefined)),
          ({ document, samples }) => {
            const ruleset = compileRuleset(document);
            const space = transactionSpace(document);
            for (const { partial } of samples) {
              const raises = space.raisesOf(partial);
              const [before, ...after] = assessMany([partial, ...raises.map((raise) => raise.transaction)], {
                ruleset,
              });
              raises.forEach((raise, index) => {
                raised++;
                const failure = loweringFailure(
                  before as Assessment,
                  after[index] as Assessment,
                  document.outcomes,
                  raise.description,
                );
                if (failure !== undefined) throw new Error(failure);
              });
            }
          },
        ),
        { numRuns: RULESETS },
      );
      expect(raised).toBeGreaterThan(RULESETS * PER_RULESET);
    },
    GENERATED_TIMEOUT_MS,
  );
});
