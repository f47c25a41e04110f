import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { FORBIDDEN_KEYS, reachesPrototype } from '../../src/document/prototypeNames';
import { readDocument, scanDocument } from '../../src/document/scanDocument';
import { DATA_LIMITS } from '../../src/document/scanLimits';
import { compileRuleset, RulesetError } from '../../src/index';
import { hostileValue, mutated } from '../support/hostileValues';
import { minimalRuleset } from '../support/minimalRuleset';
import { runs } from '../support/runs';

describe('readDocument', () => {
  test('copies a valid document as plain JSON data, independent of the original', () => {
    const original = minimalRuleset();
    const { issues, copy } = readDocument(original);
    expect(issues).toEqual([]);
    expect(copy).toEqual(JSON.parse(JSON.stringify(original)));
    expect(Object.keys(copy as object)).toEqual(Object.keys(original));
    (original.rules as unknown as { id: string }[])[0]!.id = 'changed-afterwards';
    expect((copy as { rules: { id: string }[] }).rules[0]?.id).toBe('informed');
  });

  test('reads each value once through a proxy, and the copy is no proxy', () => {
    const reads = new Map<string, number>();
    const watch = <T extends object>(target: T, name: string): T =>
      new Proxy(target, {
        getOwnPropertyDescriptor(object, key) {
          reads.set(`${name}.${String(key)}`, (reads.get(`${name}.${String(key)}`) ?? 0) + 1);
          return Reflect.getOwnPropertyDescriptor(object, key);
        },
      });
    const document = watch(minimalRuleset(), 'root');
    const { issues, copy } = readDocument(document);
    expect(issues).toEqual([]);
    expect(Math.max(...reads.values())).toBe(1);
    expect(structuredClone(copy)).toEqual(copy);
  });

  test(
    'a valid ruleset behind a transparent proxy compiles, or is refused with a RulesetError, never ' + 'anything else',
    () => {
      const attempt = () => {
        try {
          return compileRuleset(new Proxy(minimalRuleset(), {})).id;
        } catch (error) {
          if (error instanceof RulesetError) return 'refused';
          throw error;
        }
      };
      expect(attempt).not.toThrow();
    },
  );
});

describe('scanDocument', () => {
  test('finds what readDocument finds, without the copy, under both limits', () => {
    fc.assert(
      fc.property(hostileValue, fc.nat(), fc.boolean(), (make, place, data) => {
        const limits = data ? DATA_LIMITS : undefined;
        // A hostile value alone, and placed inside a valid ruleset, each made afresh for each reading.
        for (const value of [make, () => mutated(minimalRuleset(), place, make())])
          expect(scanDocument(value(), limits)).toEqual(readDocument(value(), limits).issues);
      }),
      { numRuns: runs(500), seed: 3 },
    );
  });
});

describe('reachesPrototype', () => {
  test.each([
    ['__proto__', true],
    ['constructor', true],
    ['item.constructor', true],
    ['toString.x', true],
    ['a..valueOf.', true],
    ['constructors', false],
    ['Constructor', false],
    ['item.speciallyDesigned', false],
    ['', false],
    ['...', false],
  ])('%j → %s', (key, expected) => {
    expect(reachesPrototype(key)).toBe(expected);
  });

  test('is true exactly when some "."-separated segment is a forbidden name', () => {
    const segment = fc.oneof(
      fc.constantFrom(...FORBIDDEN_KEYS),
      fc.string({ maxLength: 12 }),
      fc.constantFrom('', 'proto', 'valueOff', 'toStrin'),
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), (segments) => {
        const key = segments.join('.');
        expect(reachesPrototype(key)).toBe(key.split('.').some((part) => FORBIDDEN_KEYS.has(part)));
      }),
      { numRuns: 5_000 },
    );
  });
});
