import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compileRuleset, loadRuleset, type RulesetDocument, type Transaction } from '../../../src/index';
import {
  ARTICLE_5_INVARIANTS,
  catalogueEntryArbitrary,
  checkInvariants,
  GENERAL_INVARIANTS,
  InvariantViolation,
  sharedVocabulary,
  vocabularyOf,
  type Invariant,
  withUnknown,
} from '../../../src/testing/index';
import { readJsonFile } from '../../support/rulesets';

/** A ruleset document as plain JSON, to break on purpose. */
type Mutable = {
  thresholds: Record<string, { value: unknown }>;
  outcomes: Record<string, { precedence: number }>;
  rules: RulesetDocument['rules'] & object;
};
const current = () => readJsonFile('rulesets/eu-2021-821-art5/2.0.0.json') as Mutable;
const named = (name: string) => ARTICLE_5_INVARIANTS.find((invariant) => invariant.name === name) as Invariant;

/** The violation `checkInvariants` throws, or fails the test when everything holds. */
function violation(document: unknown, invariants: readonly Invariant[]): InvariantViolation {
  try {
    checkInvariants(compileRuleset(document), { runs: 2000, seed: 3, invariants });
  } catch (error) {
    expect(error).toBeInstanceOf(InvariantViolation);
    return error as InvariantViolation;
  }
  throw new Error('expected an invariant to fail');
}

describe('dual-use-rules/testing', () => {
  test('checks the general and Article 5 invariants by default, and reports what it checked', () => {
    const report = checkInvariants(loadRuleset('eu-2021-821-art5', { asOf: '2025-01-10' }), { runs: 200, seed: 1 });
    expect(report.invariants.map((invariant) => invariant.name)).toEqual(
      [...GENERAL_INVARIANTS, ...ARTICLE_5_INVARIANTS].map((invariant) => invariant.name),
    );
    expect(report).toMatchObject({ runs: 200, seed: 1 });
  });

  test(
    'a ruleset where a mere possibility triggers enhanced due diligence is caught, with a small ' + 'counterexample',
    () => {
      const document = current();
      for (const threshold of Object.values(document.thresholds))
        if (threshold.value === 'grounds-for-suspicion') threshold.value = 'mere-possibility';
      const failure = violation(document, [named('a mere possibility changes nothing')]);
      expect(failure.message).toMatch(/Invariant "a mere possibility changes nothing" fails for eu-2021-821-art5/);
      expect(failure.detail).toMatch(/"knowledge":"mere-possibility"/);
      expect(failure.replay.seed).toBe(3);
      // Shrunk: the transaction keeps little beyond what the failure needs.
      expect(JSON.stringify(failure.transaction).length).toBeLessThan(900);
    },
  );

  test('a ruleset that forgets the activity gate, or ranks knowledge below red flags, is caught', () => {
    const ungated = current();
    ungated.rules = ungated.rules.filter(
      (rule) => !(rule.outcome === 'not_applicable' && JSON.stringify(rule.when).includes('brokering')),
    );
    expect(violation(ungated, [named('out-of-scope activities are not_applicable')]).detail).toMatch(
      /not not_applicable/,
    );

    const inverted = current();
    (inverted.outcomes['notification_required'] as { precedence: number }).precedence = 5;
    expect(violation(inverted, [named('positive knowledge never lowers the outcome')]).detail).toMatch(
      /lowers the outcome from .* to notification_required/,
    );
  });

  test('invariants are data: a user can write one for their own vocabulary', () => {
    const notified: Invariant = {
      kind: 'fixedOutcome',
      name: 'informed exporters need an authorisation',
      description: 'Art. 5(1).',
      edit: {
        set: {
          'exporter.informedByAuthority': { oneOf: [true] },
          activity: { oneOf: ['export'] },
          'destination.country': { oneOf: ['US'] },
        },
      },
      outcome: 'authorisation_required',
    };
    expect(
      checkInvariants(loadRuleset('eu-2021-821-art5', { asOf: '2025-01-10' }), {
        runs: 300,
        seed: 2,
        invariants: [notified],
      }).invariants,
    ).toEqual([{ name: notified.name, checked: 300 }]);
  });

  test('an invariant whose edit makes transactions invalid is reported as such', () => {
    // A transaction field, so the invariant is well formed; a value the field cannot hold.
    const invalid: Invariant = {
      kind: 'neverChanges',
      name: 'bad edit',
      description: 'x',
      edit: { set: { 'item.speciallyDesigned': { oneOf: ['red'] } } },
    };
    expect(() =>
      checkInvariants(loadRuleset('eu-2021-821-art5', { asOf: '2025-01-10' }), {
        runs: 10,
        seed: 2,
        invariants: [invalid],
      }),
    ).toThrow(/makes the transaction invalid/);
  });

  test('an invariant that is not one (an edit of a field transactions do not have) is refused before any run', () => {
    const malformed = {
      kind: 'neverChanges',
      name: 'bad edit',
      description: 'x',
      edit: { set: { '__proto__.polluted': { oneOf: [true] } } },
    } as const;
    expect(() =>
      checkInvariants(loadRuleset('eu-2021-821-art5', { asOf: '2025-01-10' }), { runs: 10, invariants: [malformed] }),
    ).toThrow(
      expect.objectContaining({
        name: 'AssessmentError',
        code: 'invalid_option',
        issues: [expect.objectContaining({ path: ['options', 'invariants', 0, 'edit', 'set', '__proto__.polluted'] })],
      }),
    );
  });

  test('arbitraries per catalogue draw only that catalogue’s ids, and the shared vocabulary fits every ruleset', () => {
    const before = loadRuleset('eu-2021-821-art5', { asOf: '2023-05-10' });
    const after = loadRuleset('eu-2021-821-art5', { asOf: '2025-01-10' });
    const redFlags = vocabularyOf(after).redFlags;
    expect(redFlags.length).toBeGreaterThan(0);
    for (const id of fc.sample(catalogueEntryArbitrary(after, 'redFlags'), 50)) expect(redFlags).toContain(id);
    expect(() => catalogueEntryArbitrary(before, 'redFlags')).toThrow(/binds no catalogue to redFlags/);
    // 1.0.0 binds no red-flag catalogue (any id is valid there), so the shared ids are 2.0.0's.
    expect(sharedVocabulary(before, after).redFlags).toEqual(redFlags);
  });

  test('withUnknown leaves exactly the named fields absent or null, and the transaction it was given as it was', () => {
    const transaction: Transaction = {
      date: '2025-01-10',
      exporter: { country: 'DE', informedByAuthority: false },
      destination: { country: 'US' },
      item: { speciallyDesigned: true, naturalPersons: true, capabilities: ['facial-recognition'] },
      redFlags: [],
    };
    const original = structuredClone(transaction);
    expect(withUnknown(transaction, ['item.naturalPersons', 'redFlags', 'exporter.informedByAuthority'])).toStrictEqual(
      {
        date: '2025-01-10',
        exporter: { country: 'DE' },
        destination: { country: 'US' },
        item: { speciallyDesigned: true, capabilities: ['facial-recognition'] },
      },
    );
    const withNulls = withUnknown(transaction, ['item.naturalPersons', 'redFlags', 'endUser.type'], true);
    expect(withNulls).toStrictEqual({ ...original, item: { ...original.item, naturalPersons: null }, redFlags: null });
    // The fields left keep their order: a transaction made partial reads like one written without those fields.
    expect(Object.keys(withNulls.item ?? {})).toEqual(['speciallyDesigned', 'naturalPersons', 'capabilities']);
    expect(transaction).toStrictEqual(original);
  });

  test('withUnknown refuses a field to blank whose container is not a record, with its path (CI seed 812424946)', () => {
    const base = { date: '2025-01-10', exporter: { country: 'DE' }, destination: { country: 'US' } };
    const refusal = (transaction: unknown, field: 'findings.knowledge' | 'item.naturalPersons') => {
      try {
        withUnknown(transaction as Transaction, [field], true);
      } catch (error) {
        return error;
      }
      return undefined;
    };
    expect(refusal({ ...base, findings: -1 }, 'findings.knowledge')).toMatchObject({
      name: 'AssessmentError',
      code: 'invalid_argument',
      issues: [{ path: ['transaction', 'findings'] }],
    });
    expect(refusal({ ...base, findings: [{ knowledge: 'suspicion' }, 'x'] }, 'findings.knowledge')).toMatchObject({
      issues: [{ path: ['transaction', 'findings', 1] }],
    });
    expect(refusal({ ...base, item: 'a camera' }, 'item.naturalPersons')).toMatchObject({
      issues: [{ path: ['transaction', 'item'] }],
    });
  });
});
