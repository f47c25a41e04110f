import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { loadRuleset } from '../../src/index';
import { partialTransactionArbitrary, vocabularyOf } from '../../src/testing/arbitraries';
import { checkJsonLimits, JSON_LIMITS } from '../../src/transaction/jsonLimits';
import { readJsonFile } from '../support/rulesets';
import { runs } from '../support/runs';

const example = readJsonFile('examples/notification-tracker-intelligence-agency.json') as Record<string, unknown>;

/** The largest transaction the contract allows: every list full, every text at its longest, escaped where it can be. */
function largestValidTransaction() {
  const text = (length: number) => '\u00e9"\\'.repeat(Math.ceil(length / 3)).slice(0, length);
  return {
    ...example,
    id: text(200),
    item: { ...(example['item'] as object), description: text(10_000), capabilities: Array(200).fill('x-y') },
    endUser: { name: text(500), type: 'intelligence-agency', country: 'EG' },
    parties: Array.from({ length: 1000 }, () => ({ role: 'consignee', name: text(500), country: 'DE' })),
    redFlags: Array(200).fill('covert-marketing'),
    findings: Array.from({ length: 1000 }, () => ({
      concern: 'internal-repression',
      knowledge: 'positive-knowledge',
      source: 'other',
      note: text(2000),
    })),
  };
}

describe('the limits on a transaction’s JSON text, checked before parsing', () => {
  test('never refuse a valid transaction: the largest the contract allows, escaped as JSON.stringify writes it', () => {
    const text = JSON.stringify(largestValidTransaction());
    expect(text.length).toBeGreaterThan(3_000_000);
    expect(checkJsonLimits(text)).toBeUndefined();
    expect(checkJsonLimits(JSON.stringify(largestValidTransaction(), null, 2))).toBeUndefined();
  });

  test('never refuse generated transactions', () => {
    const vocabulary = vocabularyOf(loadRuleset('eu-2021-821-art5', { asOf: '2025-01-10' }));
    fc.assert(
      fc.property(partialTransactionArbitrary(vocabulary), ({ partial, complete }) => {
        expect(checkJsonLimits(JSON.stringify(partial))).toBeUndefined();
        expect(checkJsonLimits(JSON.stringify(complete))).toBeUndefined();
      }),
      { numRuns: runs(2000) },
    );
  });

  test.each([
    [
      'keys in one object',
      { item: Object.fromEntries(Array.from({ length: JSON_LIMITS.keys + 1 }, (_, index) => [`k${index}`, 0])) },
      ['item'],
      /more than 100 keys/,
    ],
    [
      'entries in one array',
      { redFlags: Array(JSON_LIMITS.items + 1).fill(1) },
      ['redFlags'],
      /more than 2,000 entries/,
    ],
    [
      'values in all',
      { parties: Array.from({ length: 1000 }, () => Array(30).fill(null)) },
      [],
      /more than 25,000 values in all/,
    ],
    ['a long string', { item: { description: 'x'.repeat(JSON_LIMITS.string + 1) } }, ['item', 'description'], /string/],
    ['a long key', { exporter: { ['k'.repeat(JSON_LIMITS.key + 1)]: 1 } }, ['exporter'], /key is longer than 200/],
    [
      'nesting',
      { parties: [JSON.parse(`${'['.repeat(JSON_LIMITS.depth)}${']'.repeat(JSON_LIMITS.depth)}`) as unknown] },
      ['parties', ...Array<number>(JSON_LIMITS.depth - 1).fill(0)],
      /nested more than 16 deep/,
    ],
  ])('refuse too many %s, with the path of where it is', (_, value, path, message) => {
    const problem = checkJsonLimits(JSON.stringify({ ...example, ...value }));
    expect(problem?.path).toEqual(path);
    expect(problem?.message).toMatch(message);
  });

  test('read strings as JSON does: escaped quotes and backslashes do not end them', () => {
    const tricky = { id: 'a\\"}]{["', item: { description: '\\\\"' } };
    expect(checkJsonLimits(JSON.stringify({ ...example, ...tricky }))).toBeUndefined();
    const keys = Object.fromEntries(Array.from({ length: 101 }, (_, index) => [`"${index}\\`, 0]));
    expect(checkJsonLimits(JSON.stringify({ endUser: keys }))?.path).toEqual(['endUser']);
  });

  test('leave text that is not JSON to JSON.parse, in linear time', () => {
    for (const text of ['', '{', '{"a', '}}]]', '"', '{"a":tru', '[1,2', 'x'.repeat(1_000_000)])
      expect(() => checkJsonLimits(text)).not.toThrow();
    const started = performance.now();
    checkJsonLimits(`{"a":"${'\\'.repeat(4_000_000)}`);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
