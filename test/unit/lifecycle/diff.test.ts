import { describe, expect, test } from 'vitest';
import { assess, compileRuleset, loadRuleset } from '../../../src/index';
import {
  checkExpectedChanges,
  diffRulesets,
  formatRulesetDiff,
  parseExpectedChanges,
} from '../../../src/testing/index';
import { minimalRuleset } from '../../support/minimalRuleset';

const DUE_DILIGENCE_STEPS = ['itemReview', 'capabilityReview', 'stakeholderReview', 'mitigationPlan'] as const;

describe('diffRulesets on the two shipped versions of the Article 5 ruleset', () => {
  const before = loadRuleset('eu-2021-821-art5', { version: '1.0.0' });
  const after = loadRuleset('eu-2021-821-art5', { version: '2.0.0' });
  const diff = diffRulesets(before, after, { runs: 2000, seed: 1 });

  test('accounts for every generated transaction', () => {
    expect(diff.unchanged + diff.changes.reduce((sum, change) => sum + change.count, 0)).toBe(2000);
    for (const change of diff.changes) expect(change.before).not.toBe(change.after);
  });

  test(
    'the guidelines’ due-diligence steps turn clean cases with a step not done into ' +
      'insufficient_information (Recommendation (EU) 2024/2659, Section 3)',
    async () => {
      const change = diff.changes.find(
        (entry) => entry.before === 'no_obligation' && entry.after === 'insufficient_information',
      );
      expect(change).toBeDefined();
      const { transaction } = change!.example;
      const steps = (transaction.dueDiligence ?? {}) as Record<string, unknown>;
      expect(DUE_DILIGENCE_STEPS.some((step) => steps[step] !== true)).toBe(true);
      // The rules involved are new in 2.0.0, decide insufficient_information and cite the guidelines.
      expect(change!.rules.length).toBeGreaterThan(0);
      for (const rule of change!.rules) {
        expect(rule.before).toBe('absent');
        expect(rule.citation.instrument).toBe('Recommendation (EU) 2024/2659');
      }
      expect(change!.rules.map((rule) => rule.outcome)).toContain('insufficient_information');
      // Attribution holds: with every step done, the same transaction is no longer held back.
      const done = {
        ...transaction,
        dueDiligence: Object.fromEntries(DUE_DILIGENCE_STEPS.map((step) => [step, true])),
      };
      // Undated, as generated: assessed on a day each version is in force (an expired version is refused today).
      expect((await assess(done, { ruleset: after, asOf: after.validity.from })).outcome).not.toBe(
        'insufficient_information',
      );
      expect((await assess(transaction, { ruleset: before, asOf: before.validity.from })).outcome).toBe(
        'no_obligation',
      );
    },
  );

  test(
    'red flags under the guidelines call for enhanced due diligence where the Regulation alone ' + 'required nothing',
    () => {
      const change = diff.changes.find(
        (entry) => entry.before === 'no_obligation' && entry.after === 'enhanced_due_diligence',
      );
      expect(change).toBeDefined();
      expect(change!.example.transaction.redFlags?.length).toBeGreaterThan(0);
    },
  );

  test('the static diff lists what the guidelines added: rules, facts, catalogue entries and thresholds', () => {
    const added = (section: string) =>
      diff.static.filter((change) => change.section === section && change.change === 'added');
    expect(added('rules').length).toBeGreaterThan(0);
    expect(added('facts').map((change) => change.id)).toEqual(
      expect.arrayContaining(DUE_DILIGENCE_STEPS.map((step) => `dueDiligence.${step}`)),
    );
    expect(added('catalogueEntries').some((change) => change.id.startsWith('redFlags/'))).toBe(true);
    expect(added('thresholds').every((change) => change.after !== undefined)).toBe(true);
    expect(diff.static.find((change) => change.section === 'validity')).toMatchObject({
      before: before.validity,
      after: after.validity,
    });
    for (const change of diff.static.filter((entry) => entry.change !== 'removed'))
      expect(change.path[0]).toBeDefined();
  });

  test('the same seed gives the same report, readable as text and as JSON', () => {
    expect(JSON.parse(JSON.stringify(diffRulesets(before, after, { runs: 300, seed: 9 })))).toEqual(
      JSON.parse(JSON.stringify(diffRulesets(before, after, { runs: 300, seed: 9 }))),
    );
    const text = formatRulesetDiff(diff);
    expect(text).toContain('no_obligation → insufficient_information');
    expect(text).toContain('Recommendation (EU) 2024/2659');
    expect(text).toMatch(/Static changes \(\d+\)/);
  });
});

describe('diffRulesets on constructed rulesets', () => {
  const document = minimalRuleset();
  const original = compileRuleset(document);

  test('identical rulesets differ in nothing', () => {
    const diff = diffRulesets(original, compileRuleset(structuredClone(document)), { runs: 200 });
    expect(diff).toMatchObject({ unchanged: 200, changes: [], static: [] });
  });

  test('a rule that now decides another outcome shows as one group, attributed to that rule', () => {
    const revised = structuredClone(document) as unknown as { rules: { outcome: string }[] };
    (revised.rules[0] as { outcome: string }).outcome = 'no_obligation';
    const diff = diffRulesets(original, compileRuleset(revised), { runs: 500 });
    // Informed exporters no longer need an authorisation; those not known to be informed are no longer undecided.
    const groups = Object.fromEntries(diff.changes.map((change) => [`${change.before} → ${change.after}`, change]));
    expect(Object.keys(groups).sort()).toEqual([
      'authorisation_required → no_obligation',
      'insufficient_information → no_obligation',
    ]);
    const informed = groups['authorisation_required → no_obligation'];
    expect(informed?.example.transaction.exporter.informedByAuthority).toBe(true);
    expect(informed?.rules.map((rule) => [rule.rule, rule.before, rule.after])).toEqual([['informed', 'true', 'true']]);
    expect(
      groups['insufficient_information → no_obligation']?.example.transaction.exporter.informedByAuthority ?? null,
    ).toBeNull();
    expect(diff.static).toEqual([
      expect.objectContaining({
        change: 'changed',
        section: 'rules',
        id: 'informed',
        fields: ['outcome'],
        path: ['rules', 0],
      }),
    ]);
  });
});

describe('expected changes', () => {
  test('a change the file does not list is reported, and a listed one not seen is noted', () => {
    const revised = structuredClone(minimalRuleset()) as unknown as { rules: { outcome: string }[] };
    (revised.rules[0] as { outcome: string }).outcome = 'no_obligation';
    const diff = diffRulesets(compileRuleset(minimalRuleset()), compileRuleset(revised), { runs: 300 });
    const none = checkExpectedChanges(
      diff,
      parseExpectedChanges({
        changes: [
          {
            before: 'insufficient_information',
            after: 'no_obligation',
            reason: 'Unknown notices no longer matter (test).',
          },
          { before: 'no_obligation', after: 'insufficient_information', reason: 'r' },
        ],
      }),
    );
    expect(none.unexpected.map((change) => `${change.before}>${change.after}`)).toEqual([
      'authorisation_required>no_obligation',
    ]);
    expect(none.unobserved).toHaveLength(1);
    const listed = checkExpectedChanges(
      diff,
      parseExpectedChanges({
        changes: [
          {
            before: 'authorisation_required',
            after: 'no_obligation',
            reason: 'The authority’s notice no longer binds (test).',
          },
          {
            before: 'insufficient_information',
            after: 'no_obligation',
            reason: 'Unknown notices no longer matter (test).',
          },
        ],
      }),
    );
    expect(listed).toEqual({ unexpected: [], unobserved: [] });
    expect(formatRulesetDiff(diff, none)).toContain('NOT EXPECTED: authorisation_required → no_obligation');
  });

  test('a malformed file names each problem with its path', () => {
    const malformed = { changes: [{ before: 'nothing', after: 'no_obligation', why: 'x' }] };
    expect(() => parseExpectedChanges(malformed)).toThrow(
      /\/changes\/0\/before: expected one of .*\n {2}\/changes\/0\/reason: say why this change is expected \[invalid_value\]\n {2}\/changes\/0\/why: unknown key \[unrecognized_key\]/,
    );
    expect(() => parseExpectedChanges(malformed)).toThrow(
      expect.objectContaining({
        name: 'AssessmentError',
        code: 'invalid_argument',
        issues: [
          expect.objectContaining({ path: ['changes', 0, 'before'], code: 'invalid_value' }),
          expect.objectContaining({ path: ['changes', 0, 'reason'], code: 'invalid_value' }),
          expect.objectContaining({ path: ['changes', 0, 'why'], code: 'unrecognized_key', key: 'why' }),
        ],
      }),
    );
    expect(() => parseExpectedChanges([])).toThrow(/"changes" list/);
  });
});
