import { describe, expect, test } from 'vitest';
import { compileDerivation } from '../../src/evaluate/derive';
import type { Program } from '../../src/model/program';
import type { FactValue } from '../../src/types/assessment';

// The semantics come from docs/writing-rulesets.md (derivations table): `sum` adds an attribute over the distinct
// ids of a list; `collect` gives the distinct string values of an attribute, sorted. Unknown input gives unknown.
const program = {
  catalogues: new Map([
    [
      'redFlags',
      new Map([
        ['vague-end-use', { attributes: { weight: 2, mitigation: 'end-use-statement' } }],
        ['cash-payment', { attributes: { weight: 1, mitigation: 'Zeta-check' } }],
        ['evasive-answers', { attributes: { weight: 3, mitigation: 'end-use-statement' } }],
        ['no-mitigation', { attributes: { weight: 5 } }],
      ]),
    ],
  ]),
  scales: new Map(),
} as unknown as Program;
const slotOf = (factId: string) => (factId === 'redFlags' ? 0 : 1);
const run = (kind: 'sum' | 'collect', attribute: string, flags: readonly string[] | null): FactValue =>
  compileDerivation({ kind, of: 'redFlags', catalogue: 'redFlags', attribute }, slotOf, program)([flags as FactValue]);

describe('sum', () => {
  test('adds the attribute of each distinct id once, however often it is listed', () => {
    expect(
      run('sum', 'weight', ['vague-end-use', 'cash-payment', 'vague-end-use', 'cash-payment', 'vague-end-use']),
    ).toBe(3);
  });

  test('an empty list sums to 0; an unknown list is unknown', () => {
    expect(run('sum', 'weight', [])).toBe(0);
    expect(run('sum', 'weight', null)).toBeNull();
  });

  test('one call does not carry ids into the next', () => {
    const sum = compileDerivation(
      { kind: 'sum', of: 'redFlags', catalogue: 'redFlags', attribute: 'weight' },
      slotOf,
      program,
    );
    expect(sum([['evasive-answers']])).toBe(3);
    expect(sum([['evasive-answers', 'cash-payment']])).toBe(4);
    expect(sum([['cash-payment']])).toBe(1);
  });
});

describe('collect', () => {
  test('gives each distinct value once, sorted by UTF-16 code units (upper case before lower case)', () => {
    expect(
      run('collect', 'mitigation', ['vague-end-use', 'evasive-answers', 'cash-payment', 'vague-end-use']),
    ).toStrictEqual(['Zeta-check', 'end-use-statement']);
    expect(run('collect', 'mitigation', ['cash-payment', 'evasive-answers'])).toStrictEqual([
      'Zeta-check',
      'end-use-statement',
    ]);
  });

  test(
    'an id without the attribute adds nothing; an empty list gives an empty list; an unknown list is ' + 'unknown',
    () => {
      expect(run('collect', 'mitigation', ['no-mitigation'])).toStrictEqual([]);
      expect(run('collect', 'mitigation', [])).toStrictEqual([]);
      expect(run('collect', 'mitigation', null)).toBeNull();
    },
  );

  test('values arriving in any order come out in the order a sort gives', () => {
    const values = ['delta', 'alpha', 'Charlie', 'bravo', 'alpha', 'echo', 'Bravo'];
    const catalogue = new Map(values.map((value, index) => [`id-${index}`, { attributes: { tag: value } }]));
    const collect = compileDerivation({ kind: 'collect', of: 'ids', catalogue: 'tags', attribute: 'tag' }, () => 0, {
      catalogues: new Map([['tags', catalogue]]),
      scales: new Map(),
    } as unknown as Program);
    const ids = [...catalogue.keys()];
    for (const order of [ids, [...ids].reverse(), [ids[3], ids[0], ids[6], ids[1], ids[5], ids[2], ids[4]]]) {
      expect(collect([order as FactValue])).toStrictEqual([...new Set(values)].sort());
    }
  });
});
