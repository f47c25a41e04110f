import { describe, expect, test } from 'vitest';
import { readDocument } from '../../src/compile/scanDocument';
import { compileRuleset, RulesetError } from '../../src/index';
import { minimalRuleset } from '../support/minimalRuleset';

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

  test('a valid ruleset behind a transparent proxy compiles, or is refused with a RulesetError, never anything else', () => {
    const attempt = () => {
      try {
        return compileRuleset(new Proxy(minimalRuleset(), {})).id;
      } catch (error) {
        if (error instanceof RulesetError) return 'refused';
        throw error;
      }
    };
    expect(attempt).not.toThrow();
  });
});
