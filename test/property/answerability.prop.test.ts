import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  assessMany,
  createRulesetRegistry,
  listRulesets,
  type Assessment,
  type CompiledRuleset,
} from '../../src/index';
import {
  checkInvariants,
  partialTransactionArbitrary,
  QUESTIONS_ANSWERABLE,
  vocabularyOf,
} from '../../src/testing/index';
import { schemaAtPath } from '../../src/testing/questionPaths';
import { runs } from '../support/runs';

/**
 * Issue 17: every question names the transaction field that answers it, and answering it settles something. Over
 * generated transactions (complete ones and ones with fields unknown, including a finding's knowledge level, a party's
 * country and the national position), every question of the current releases names a field of
 * schemas/transaction.schema.json, and answering it with the completed transaction's value (or another value the
 * contract allows) removes or changes the question, or changes the outcome. 10,000 transactions per composition in
 * the deep tier (CI), a twentieth otherwise.
 */
const RUNS = runs(10_000);
const registry = createRulesetRegistry();

/** Each current base release, with and without each current overlay in force during it. */
const current = listRulesets().filter((summary) => summary.kind === 'base' && summary.selectable);
const compositions = current.flatMap((base) => {
  const alone = registry.load(base.id, { version: base.version });
  const overlaid = registry.load(base.id, { version: base.version, asOf: base.validity.to ?? '2026-12-06' });
  return [alone, ...(overlaid.overlays.length > 0 ? [overlaid] : [])];
});
const label = (ruleset: CompiledRuleset) =>
  [ruleset.version, ...ruleset.overlays.map((overlay) => `${overlay.id} ${overlay.version}`)].join(' + ');

describe('questions name the transaction field that answers them', () => {
  test('the current releases are checked, with their overlays', () => {
    expect(compositions.map(label)).toEqual(['1.2.0', '1.2.0 + de-awv-9-4 1.1.0', '2.3.2', '2.3.2 + de-awv-9-4 1.1.0']);
  });

  test.each(compositions.map((ruleset) => [label(ruleset), ruleset] as const))(
    `%s: ${RUNS} generated transactions`,
    (_, ruleset) => {
      const report = checkInvariants(ruleset, { runs: RUNS, seed: 20_261_206, invariants: [QUESTIONS_ANSWERABLE] });
      // The property must have had something to check: generated transactions do raise questions.
      expect(report.invariants[0]?.checked).toBe(RUNS);
    },
  );

  test('the released 1.0.0 and 2.0.0 ask one fact that is not a transaction field: their national Art. 5(3) rule', () => {
    const asked = new Set<string>();
    for (const version of ['1.0.0', '2.0.0']) {
      const ruleset = registry.load('eu-2021-821-art5', { version });
      const transactions = fc.sample(
        partialTransactionArbitrary(vocabularyOf(ruleset)).map(({ partial }) => partial),
        { numRuns: 300, seed: 1 },
      );
      // An explicit ruleset answers only on a date it is in force (issue 19, D9): undated ones on its first day.
      for (const assessment of assessMany(transactions, { ruleset, asOf: ruleset.validity.from }) as Assessment[])
        for (const question of assessment.questions)
          if (schemaAtPath(question.fact) === undefined) asked.add(question.fact);
    }
    expect([...asked]).toEqual(['nationalSuspicionRule']);
  });
});
