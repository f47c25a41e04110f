import { describe, expect, test } from 'vitest';
import type { TruthValue } from '../../src/index';
import { kleeneAll, kleeneAny, kleeneNot } from '../../src/model/kleene';

const VALUES: TruthValue[] = ['true', 'false', 'unknown'];

describe('strong Kleene logic', () => {
  test('not swaps true and false and keeps unknown', () => {
    expect(VALUES.map(kleeneNot)).toEqual(['false', 'true', 'unknown']);
  });

  test.each([
    ['true', 'true', 'true', 'true'],
    ['true', 'false', 'false', 'true'],
    ['true', 'unknown', 'unknown', 'true'],
    ['false', 'unknown', 'false', 'unknown'],
    ['unknown', 'unknown', 'unknown', 'unknown'],
    ['false', 'false', 'false', 'false'],
  ] as const)('%s with %s: all → %s, any → %s', (a, b, all, any) => {
    expect(kleeneAll([a, b])).toBe(all);
    expect(kleeneAll([b, a])).toBe(all);
    expect(kleeneAny([a, b])).toBe(any);
    expect(kleeneAny([b, a])).toBe(any);
  });

  test('empty groups are the identities: all of nothing holds, any of nothing does not', () => {
    expect(kleeneAll([])).toBe('true');
    expect(kleeneAny([])).toBe('false');
  });

  test('De Morgan holds for every pair of values', () => {
    for (const a of VALUES)
      for (const b of VALUES) expect(kleeneNot(kleeneAll([a, b]))).toBe(kleeneAny([kleeneNot(a), kleeneNot(b)]));
  });
});
