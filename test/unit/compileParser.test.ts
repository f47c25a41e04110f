import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { internalsOf } from '../../src/compile/internals';
import { fastParserFor } from '../../src/evaluate/compileParser';
import { completeTransactionArbitrary, partialTransactionArbitrary, vocabularyOf } from '../../src/testing/arbitraries';
import { transactionSchema } from '../../src/transaction/transactionSchema';
import { SHIPPED_COMPOSITIONS } from '../support/rulesets';

/** A path into a JSON value, and the value there replaced (or the key deleted, for `undefined`). */
function mutate(value: unknown, path: readonly (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  if (value === null || typeof value !== 'object') return value;
  const copy = (Array.isArray(value) ? [...value] : { ...value }) as Record<string | number, unknown>;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (rest.length === 0 && replacement === undefined) delete copy[head];
  else copy[head] = mutate(copy[head], rest, replacement);
  return copy;
}

/** Every path in a JSON value, plus a new key at each object (to test unknown keys). */
function pathsOf(value: unknown, prefix: readonly (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [[...prefix]];
  const entries = Array.isArray(value) ? value.map((child, index) => [index, child] as const) : Object.entries(value);
  return [[...prefix], ...(Array.isArray(value) ? [] : [[...prefix, 'unexpectedKey']]), ...entries.flatMap(([key, child]) => pathsOf(child, [...prefix, key]))];
}

const replacements = fc.oneof(
  fc.constantFrom(undefined, null, true, false, 0, -1, '', 'DE', 'de', 'XX', 'export', 'transit', 'positive-knowledge', 'due-diligence', '5A001.j', '5a001.j', 'facial-recognition', 'Facial Recognition', '2024-02-29', '2023-02-29', '2025-13-01', [], {}, [null], ['5A001.j'], ['DE'], { role: 'consignee' }),
  // Strings at and past the contract's length limits.
  fc.constantFrom(100, 101, 200, 201, 500, 501, 2000, 2001, 10_000, 10_001).map((length) => 'x'.repeat(length)),
  fc.string({ maxLength: 12 }),
  fc.anything({ maxDepth: 2 }),
);

describe.each(SHIPPED_COMPOSITIONS)('the fast transaction parser agrees with zod on $name', ({ ruleset: load }) => {
  const ruleset = load();
  const schema = internalsOf(ruleset).transactionSchema();
  const parse = fastParserFor(schema);
  const vocabulary = vocabularyOf(ruleset);

  test('the transaction schema is within the compiled subset', () => {
    expect(parse).toBeTypeOf('function');
    expect(fastParserFor(transactionSchema)).toBeTypeOf('function');
  });

  test('valid transactions: it accepts them and returns what zod returns', () => {
    fc.assert(
      fc.property(fc.oneof(completeTransactionArbitrary(vocabulary), partialTransactionArbitrary(vocabulary).map(({ partial }) => partial)), (transaction) => {
        const expected = schema.safeParse(transaction);
        expect(expected.success).toBe(true);
        expect(parse?.(transaction)).toStrictEqual(expected.data);
      }),
      { numRuns: 500 },
    );
  });

  test('altered transactions: whatever zod rejects it rejects; whatever it accepts, zod accepts with the same output', () => {
    const altered = completeTransactionArbitrary(vocabulary).chain((transaction) =>
      fc.tuple(fc.constantFrom(...pathsOf(transaction)), replacements).map(([path, replacement]) => mutate(transaction, path, replacement)),
    );
    // Lists grown to and past the contract's length limits by repeating an element.
    const grown = completeTransactionArbitrary(vocabulary).chain((transaction) => {
      const lists = pathsOf(transaction).filter((path) => {
        const value = path.reduce<unknown>((at, key) => (at as Record<string | number, unknown>)[key], transaction);
        return Array.isArray(value) && value.length > 0;
      });
      return fc.tuple(fc.constantFrom(...(lists.length > 0 ? lists : [[]])), fc.constantFrom(100, 101, 200, 201, 1000, 1001)).map(([path, length]) => {
        const list = path.reduce<unknown>((at, key) => (at as Record<string | number, unknown>)[key], transaction);
        return Array.isArray(list) ? mutate(transaction, path, Array.from({ length }, () => list[0])) : transaction;
      });
    });
    let rejected = 0;
    fc.assert(
      fc.property(fc.oneof(altered, grown, fc.anything({ maxDepth: 3 })), (input) => {
        const expected = schema.safeParse(input);
        const actual = parse?.(input);
        if (!expected.success) {
          rejected++;
          expect(actual).toBeUndefined();
        } else if (actual !== undefined) {
          expect(actual).toStrictEqual(expected.data);
        }
      }),
      { numRuns: 3000 },
    );
    // The alterations must actually reach invalid input for the property to mean anything.
    expect(rejected).toBeGreaterThan(1000);
  });
});
