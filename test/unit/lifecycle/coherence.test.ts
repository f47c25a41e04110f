import { describe, expect, test } from 'vitest';
import { assessMany, compileRuleset, type Assessment } from '../../../src/index';
import { incoherence } from '../../../src/testing/coherence';
import { minimalRuleset } from '../../support/minimalRuleset';

// The kit's `coherent` invariant on assessments as a ruleset could make them. A ruleset that reported an open case as
// something else (issue 19, D2: `"undecided": "no_obligation"`) no longer compiles, so these assessments are written
// out: the invariant must refuse them for any ruleset a user compiles with an older version, or tests by other means.
const ruleset = compileRuleset(minimalRuleset());
const [open, decided] = assessMany(
  [
    { exporter: { country: 'DE' }, destination: { country: 'US' } },
    { exporter: { country: 'DE', informedByAuthority: true }, destination: { country: 'US' } },
  ],
  { ruleset },
) as [Assessment, Assessment];

describe('the coherent invariant', () => {
  test('accepts what the library reports: an open case and a decided one', () => {
    expect(open.possibleOutcomes.length).toBeGreaterThan(1);
    expect(incoherence(open)).toBeUndefined();
    expect(decided.possibleOutcomes).toEqual(['authorisation_required']);
    expect(incoherence(decided)).toBeUndefined();
  });

  test('refuses an open case reported as no_obligation or not_applicable (D2)', () => {
    for (const outcome of ['no_obligation', 'not_applicable'] as const)
      expect(incoherence({ ...open, outcome })).toMatch(
        new RegExp(`several outcomes are possible .* but the outcome is ${outcome}, not insufficient_information`),
      );
  });

  test('refuses insufficient_information with nothing to ask, decided or not (a fallback that decided it)', () => {
    expect(incoherence({ ...open, questions: [] })).toMatch(/insufficient_information but no question/);
    expect(
      incoherence({
        ...decided,
        outcome: 'insufficient_information',
        possibleOutcomes: ['insufficient_information'],
        questions: [],
      }),
    ).toMatch(/insufficient_information but no question/);
  });

  test('refuses a decided outcome without obligations, or other than its only possible outcome', () => {
    expect(incoherence({ ...decided, obligations: [] })).toMatch(/rests on no obligation/);
    expect(incoherence({ ...decided, outcome: 'no_obligation' })).toMatch(/not its only possible outcome/);
  });
});
