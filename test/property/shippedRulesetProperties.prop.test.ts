import { describe, expect, test } from 'vitest';
import { checkMonotonicity, checkOrderIndependence, checkSoundness } from '../../src/testing/index';
import { article5Transactions, SHIPPED_COMPOSITIONS } from '../support/rulesets';
import { runs } from '../support/runs';
import { runSeed } from '../support/seed';

// Issue 19 point 1: the properties the generated rulesets keep, on the rulesets we ship, each composition a date can
// select. Transactions come from the ruleset's own space and from the kit's Article 5 transactions (exports of
// cyber-surveillance items with findings and red flags common), so both the ruleset's branches and the common
// cases are reached; soundness also completes what the ruleset data leaves unknown (the national Art. 5(3) rules).

const RUNS = runs(2_000);

describe.each(SHIPPED_COMPOSITIONS)('$name', ({ ruleset: load }) => {
  const ruleset = load();
  const article5 = article5Transactions(ruleset);

  test(`soundness of possibleOutcomes and certainDuties, on ${RUNS.toLocaleString('en')} partial transactions of each kind`, () => {
    expect(checkSoundness(ruleset, { runs: RUNS, seed: runSeed() }).checked).toBeGreaterThan(RUNS);
    expect(checkSoundness(ruleset, { runs: RUNS, seed: runSeed(), ...article5 }).checked).toBeGreaterThan(RUNS);
  });

  test('more red flags or knowledge never lower the possible outcomes', () => {
    expect(checkMonotonicity(ruleset, { runs: RUNS, seed: runSeed(), ...article5 }).checked).toBeGreaterThan(RUNS);
  });

  test('the order of list entries never changes the decision', () => {
    expect(checkOrderIndependence(ruleset, { runs: RUNS, seed: runSeed(), ...article5 }).checked).toBe(2 * RUNS);
  });
});
