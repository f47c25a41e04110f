import { describe, expect, test } from 'vitest';
import {
  AssessmentError,
  assess,
  assessEach,
  assessMany,
  loadRuleset,
  TransactionError,
  type AssessEachResult,
} from '../../src/index';

const valid = { date: '2025-01-10', exporter: { country: 'DE' }, destination: { country: 'US' } };
const listed = { ...valid, destination: { country: 'BR' }, item: { annexIEntries: ['5A001.j'] } };
const typo = { ...valid, item: { speciallyDesinged: true } };
const tooEarly = { ...valid, date: '2021-09-08' };
const undated = { exporter: { country: 'DE' }, destination: { country: 'US' } };

/** What `assess` gives for a transaction, as an `assessEach` result. */
async function viaAssess(transaction: unknown, options: Parameters<typeof assess>[1] = {}): Promise<AssessEachResult> {
  try {
    return { ok: true, assessment: await assess(transaction, options) };
  } catch (error) {
    if (error instanceof TransactionError || error instanceof AssessmentError) return { ok: false, error };
    throw error;
  }
}

describe('assessEach: one result per transaction, never an exception for one', () => {
  test('gives each transaction its assessment or the typed error assess throws for it, in order', async () => {
    const transactions = [valid, typo, listed, tooEarly, null];
    const results = assessEach(transactions);
    expect(results.map((result) => result.ok)).toEqual([true, false, true, false, false]);
    for (const [index, transaction] of transactions.entries()) {
      const [result, expected] = [results[index], await viaAssess(transaction)];
      expect(result).toEqual(expected);
      if (result?.ok === false && !expected.ok) expect(result.error).toBeInstanceOf(expected.error.constructor);
    }
    expect(results[1]).toMatchObject({ ok: false, error: { issues: [{ path: ['item', 'speciallyDesinged'] }] } });
    expect(results[3]).toMatchObject({ ok: false, error: { issues: [{ code: 'ruleset_not_in_force' }] } });
  });

  test('gives the same assessments as assessMany', () => {
    const ruleset = loadRuleset('eu-2021-821-art5', { asOf: '2025-01-10' });
    const results = assessEach([valid, listed], { ruleset });
    expect(results).toEqual(assessMany([valid, listed], { ruleset }).map((assessment) => ({ ok: true, assessment })));
  });

  test('an AssessmentError for one transaction leaves the others assessed', async () => {
    const results = assessEach([undated, valid], { asOf: '2021-01-01' });
    expect(results[0]).toEqual(await viaAssess(undated, { asOf: '2021-01-01' }));
    expect(results[0]).toMatchObject({ ok: false, error: { name: 'AssessmentError', code: 'ruleset_not_in_force' } });
    expect(results[1]).toMatchObject({ ok: true, assessment: { outcome: 'insufficient_information' } });
  });

  test('invalid options give every transaction the AssessmentError, and an empty batch nothing', () => {
    for (const options of [{ asOf: '2025-02-30' }, { ruleset: { id: 'fake' } as never }]) {
      const results = assessEach([valid, typo], options);
      expect(results).toHaveLength(2);
      for (const result of results) {
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error).toBeInstanceOf(AssessmentError);
      }
      expect(assessEach([], options)).toEqual([]);
    }
    expect(assessEach([valid], { asOf: '2025-02-30' })[0]).toMatchObject({ error: { code: 'invalid_option' } });
    expect(assessEach([valid], { ruleset: { id: 'fake' } as never })[0]).toMatchObject({
      error: { code: 'not_a_compiled_ruleset' },
    });
  });

  test('reads any iterable once, and lets what iterating throws through', () => {
    function* orders() {
      yield valid;
      yield typo;
    }
    expect(assessEach(orders()).map((result) => result.ok)).toEqual([true, false]);
    function* broken() {
      yield valid;
      throw new RangeError('the source failed');
    }
    expect(() => assessEach(broken())).toThrow(RangeError);
  });
});
