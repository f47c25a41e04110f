import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fastReaderFor, valueAtPath } from '../../src/evaluate/compileParser';
import { ownRuntime, type RulesetRuntime } from '../../src/evaluate/rulesetRuntime';
import { completeTransactionArbitrary, partialTransactionArbitrary, vocabularyOf } from '../../src/testing/arbitraries';
import { INPUT_FACTS } from '../../src/transaction/inputFacts';
import { createTransactionSchema, transactionSchema, type Transaction } from '../../src/transaction/transactionSchema';
import { SHIPPED_COMPOSITIONS } from '../support/rulesets';
import { runs } from '../support/runs';

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
  return [
    [...prefix],
    ...(Array.isArray(value) ? [] : [[...prefix, 'unexpectedKey']]),
    ...entries.flatMap(([key, child]) => pathsOf(child, [...prefix, key])),
  ];
}

/**
 * The arbitraries leave out the fields no rule reads (id, date, free text); alterations must reach those too, so a
 * transaction to alter gets them here.
 */
function withUnreadFields(transaction: Transaction): Transaction {
  const { item, findings } = transaction;
  return {
    id: 'order-4711',
    date: '2025-06-30',
    ...transaction,
    ...(item ? { item: { description: 'Lawful-interception gateway', ...item } } : {}),
    ...(findings && findings.length > 0
      ? { findings: findings.map((finding) => ({ note: 'From the end-use check', ...finding })) }
      : {}),
  };
}

const replacements = fc.oneof(
  fc.constantFrom(
    undefined,
    null,
    true,
    false,
    0,
    -1,
    '',
    'DE',
    'de',
    'XX',
    'export',
    'transit',
    'positive-knowledge',
    'due-diligence',
    '5A001.j',
    '5a001.j',
    'facial-recognition',
    'Facial Recognition',
    '2024-02-29',
    '2023-02-29',
    '2025-13-01',
    [],
    {},
    [null],
    ['5A001.j'],
    ['DE'],
    { role: 'consignee' },
  ),
  // Strings at and past the contract's length limits.
  fc.constantFrom(100, 101, 200, 201, 500, 501, 2000, 2001, 10_000, 10_001).map((length) => 'x'.repeat(length)),
  fc.string({ maxLength: 12 }),
  fc.anything({ maxDepth: 2 }),
);

/** What the library reads of a transaction: every input fact's path, and the id. */
/** Altered or grown transactions each shipped composition reads: 3,000 in the deep tier. */
const ALTERED_RUNS = runs(3_000);

const FACT_PATHS = [...[...INPUT_FACTS.values()].map((fact) => fact.path), ['id']];

describe.each(SHIPPED_COMPOSITIONS)('the fast transaction reader agrees with zod on $name', ({ ruleset: load }) => {
  const ruleset = load();
  const schema = (ownRuntime(ruleset) as RulesetRuntime).transactionSchema();
  // The whole value (the path []) is what zod returns; the fact paths are what zod's output holds there.
  const readWhole = fastReaderFor(schema, [[]]);
  const readFacts = fastReaderFor(schema, FACT_PATHS);
  const vocabulary = vocabularyOf(ruleset);
  const expectSameAsZod = (input: unknown, output: unknown) => {
    expect(readWhole?.(input)).toStrictEqual([output]);
    expect(readFacts?.(input)).toStrictEqual(FACT_PATHS.map((path) => valueAtPath(output, path)));
  };

  test('the transaction schema is within the compiled subset', () => {
    expect(readWhole).toBeTypeOf('function');
    expect(readFacts).toBeTypeOf('function');
    expect(fastReaderFor(transactionSchema, FACT_PATHS)).toBeTypeOf('function');
  });

  test('valid transactions: it accepts them and reads what zod returns', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          completeTransactionArbitrary(vocabulary).map(withUnreadFields),
          partialTransactionArbitrary(vocabulary).map(({ partial }) => partial),
        ),
        (transaction) => {
          const expected = schema.safeParse(transaction);
          expect(expected.success).toBe(true);
          expectSameAsZod(transaction, expected.data);
        },
      ),
      { numRuns: runs(500) },
    );
  });

  test(
    'altered transactions: whatever zod rejects it rejects; whatever it accepts, zod accepts with the ' + 'same output',
    () => {
      const altered = completeTransactionArbitrary(vocabulary)
        .map(withUnreadFields)
        .chain((transaction) =>
          fc
            .tuple(fc.constantFrom(...pathsOf(transaction)), replacements)
            .map(([path, replacement]) => mutate(transaction, path, replacement)),
        );
      // Lists grown to and past the contract's length limits by repeating an element.
      const grown = completeTransactionArbitrary(vocabulary).chain((transaction) => {
        const lists = pathsOf(transaction).filter((path) => {
          const value = path.reduce<unknown>((at, key) => (at as Record<string | number, unknown>)[key], transaction);
          return Array.isArray(value) && value.length > 0;
        });
        return fc
          .tuple(fc.constantFrom(...(lists.length > 0 ? lists : [[]])), fc.constantFrom(100, 101, 200, 201, 1000, 1001))
          .map(([path, length]) => {
            const list = path.reduce<unknown>((at, key) => (at as Record<string | number, unknown>)[key], transaction);
            return Array.isArray(list)
              ? mutate(
                  transaction,
                  path,
                  Array.from({ length }, () => list[0]),
                )
              : transaction;
          });
      });
      let rejected = 0;
      fc.assert(
        fc.property(fc.oneof(altered, grown, fc.anything({ maxDepth: 3 })), (input) => {
          const expected = schema.safeParse(input);
          if (!expected.success) {
            rejected++;
            expect(readWhole?.(input)).toBeUndefined();
            expect(readFacts?.(input)).toBeUndefined();
          } else if (readWhole?.(input) !== undefined) {
            expectSameAsZod(input, expected.data);
          }
        }),
        { numRuns: ALTERED_RUNS },
      );
      // The alterations must actually reach invalid input for the property to mean anything: a third of it at least.
      expect(rejected).toBeGreaterThan(ALTERED_RUNS / 3);
    },
  );
});

describe('reading values at paths', () => {
  const schema = createTransactionSchema();
  const transaction = {
    exporter: { country: 'DE' },
    destination: { country: 'BR' },
    item: null,
    findings: [{ concern: 'internal-repression', knowledge: 'mere-possibility' }],
  };

  test(
    'a path through an absent or null object reads undefined; defaults are applied where a value is ' + 'read whole',
    () => {
      const read = fastReaderFor(schema, [
        ['item', 'speciallyDesigned'],
        ['endUser', 'type'],
        ['activity'],
        ['findings'],
        ['exporter', 'country'],
      ]);
      expect(read?.(transaction)).toStrictEqual([
        undefined,
        undefined,
        'export',
        [{ concern: 'internal-repression', knowledge: 'mere-possibility', source: 'due-diligence' }],
        'DE',
      ]);
    },
  );

  test('values read whole are copies, not the input', () => {
    const [findings] = fastReaderFor(schema, [['findings']])?.(transaction) ?? [];
    expect(findings).not.toBe(transaction.findings);
    expect((findings as unknown[])[0]).not.toBe(transaction.findings[0]);
  });

  test('the slow path reads the same way from what zod returns', () => {
    const parsed = schema.parse(transaction);
    expect(valueAtPath(parsed, ['item', 'speciallyDesigned'])).toBeUndefined();
    expect(valueAtPath(parsed, ['exporter', 'country'])).toBe('DE');
    expect(valueAtPath(parsed, [])).toBe(parsed);
  });

  test(
    'a path the schema does not have, or one into a value read whole, is a programming error, not a ' + 'slower path',
    () => {
      expect(() => fastReaderFor(schema, [['item', 'colour']])).toThrow(/"colour"/);
      expect(() => fastReaderFor(schema, [['activity', 'length']])).toThrow(/not an object/);
      expect(() => fastReaderFor(schema, [['item'], ['item', 'ictSystems']])).toThrow(/reads whole/);
    },
  );
});
