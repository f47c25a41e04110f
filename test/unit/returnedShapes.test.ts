import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { assessMany, formatReport, loadRuleset, type ConditionTrace } from '../../src/index';
import { rulesetDiffSchema } from '../../src/testing/diff/diffSchemas';
import { diffRulesets, formatRulesetDiff, partialTransactionArbitrary, vocabularyOf } from '../../src/testing/index';
import { assessmentSchema } from '../../src/transaction/assessmentSchema';
import { SHIPPED_COMPOSITIONS } from '../support/rulesets';

/**
 * The zod shapes that check what the library gets back (an assessment given to `formatReport`, a diff given to
 * `formatRulesetDiff`) must take everything the library returns, or a valid call would be refused.
 */
describe('the shapes of what comes back take what the library gave', () => {
  test.each(SHIPPED_COMPOSITIONS)('every assessment of generated transactions under $name', ({ ruleset, asOf }) => {
    const compiled = ruleset();
    const samples = fc.sample(partialTransactionArbitrary(vocabularyOf(compiled), { date: asOf }), {
      numRuns: 300,
      seed: 11,
    });
    const assessments = assessMany(
      samples.map(({ partial }) => partial),
      { ruleset: compiled },
    );
    const kinds = new Set<string>();
    const visit = (trace: ConditionTrace): void => {
      kinds.add(trace.type);
      if ('conditions' in trace) trace.conditions.forEach(visit);
      if ('condition' in trace) visit(trace.condition);
    };
    for (const assessment of assessments) for (const step of assessment.trace) visit(step.conditions);
    // Nested traces of every kind the ruleset writes (1.0.0 has no negation; 2.0.0 has every kind).
    for (const kind of ['all', 'any', 'fact', 'named']) expect(kinds).toContain(kind);
    for (const assessment of assessments) expect(assessmentSchema.safeParse(assessment).error).toBeUndefined();
    expect(() => formatReport(assessments[0] as never, samples[0]?.partial, { format: 'md' })).not.toThrow();
  });

  test('a diff with outcome changes and static changes', () => {
    const diff = diffRulesets(
      loadRuleset('eu-2021-821-art5', { asOf: '2023-05-10' }),
      loadRuleset('eu-2021-821-art5', { asOf: '2025-01-10' }),
      { runs: 200 },
    );
    expect(diff.changes.length).toBeGreaterThan(0);
    expect(diff.static.length).toBeGreaterThan(0);
    expect(rulesetDiffSchema.safeParse(diff).error).toBeUndefined();
    expect(formatRulesetDiff(diff)).toContain('Outcome changes');
  });
});
