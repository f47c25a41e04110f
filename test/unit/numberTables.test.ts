import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { NumbersByIndex, TupleNumbers } from '../../src/evaluate/numberTables';

describe('TupleNumbers', () => {
  test(
    'finds every number kept, through growth, and nothing else (checked against a Map of the tuples ' + 'as text)',
    () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 5 }).chain((arity) =>
            fc.tuple(
              fc.constant(arity),
              fc.array(
                fc.tuple(fc.array(fc.integer({ min: 0, max: 300 }), { minLength: arity, maxLength: arity }), fc.nat()),
                { maxLength: 400 },
              ),
              fc.array(fc.array(fc.integer({ min: 0, max: 300 }), { minLength: arity, maxLength: arity }), {
                maxLength: 50,
              }),
            ),
          ),
          ([arity, entries, probes]) => {
            const table = new TupleNumbers(arity);
            const reference = new Map<string, number>();
            for (const [tuple, number] of entries) {
              table.set(tuple, number);
              reference.set(tuple.join(','), number);
            }
            expect(table.size).toBe(reference.size);
            for (const tuple of [...entries.map(([tuple]) => tuple), ...probes])
              expect(table.get(tuple)).toBe(reference.get(tuple.join(',')) ?? -1);
          },
        ),
        { numRuns: 300 },
      );
    },
  );

  test('reads only the first arity entries of what it is given, and accepts typed arrays', () => {
    const table = new TupleNumbers(2);
    table.set([3, 4, 99], 7);
    expect(table.get([3, 4, -1])).toBe(7);
    expect(table.get(Int32Array.of(3, 4))).toBe(7);
    expect(table.get([4, 3])).toBe(-1);
  });

  test('refuses a negative number, which would read as an empty slot', () => {
    expect(() => new TupleNumbers(1).set([1], -1)).toThrow(RangeError);
  });
});

describe('NumbersByIndex', () => {
  test(
    'finds every number kept, at indexes far beyond its first size, and -1 elsewhere (checked against ' + 'a Map)',
    () => {
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.integer({ min: 0, max: 20_000 }), fc.nat()), { maxLength: 200 }),
          fc.array(fc.integer({ min: 0, max: 40_000 }), { maxLength: 50 }),
          (entries, probes) => {
            const table = new NumbersByIndex();
            const reference = new Map<number, number>();
            for (const [index, number] of entries) {
              table.set(index, number);
              reference.set(index, number);
            }
            for (const index of [...entries.map(([index]) => index), ...probes])
              expect(table.get(index)).toBe(reference.get(index) ?? -1);
          },
        ),
        { numRuns: 300 },
      );
    },
  );

  test('refuses a negative index or number', () => {
    expect(() => new NumbersByIndex().set(-1, 0)).toThrow(RangeError);
    expect(() => new NumbersByIndex().set(0, -1)).toThrow(RangeError);
  });
});
