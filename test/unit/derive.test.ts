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

  // Issue 19, D7 and D12: weights are whole and non-negative (the compiler refuses others); a value that is not one is
  // never added as it is, so no sum is inexact or smaller for one more id.
  test('a value that is not a whole weight from 0 to 1,000,000 leaves the sum unknown', () => {
    for (const weight of [0.1, -1, 1_000_001, '2', true]) {
      const odd = {
        catalogues: new Map([['redFlags', new Map([['odd', { attributes: { weight } }]])]]),
        scales: new Map(),
      } as unknown as Program;
      const sum = compileDerivation(
        { kind: 'sum', of: 'redFlags', catalogue: 'redFlags', attribute: 'weight' },
        slotOf,
        odd,
      );
      expect(sum([['odd']]), String(weight)).toBeNull();
    }
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

  test('an empty list gives an empty list; an unknown list is unknown', () => {
    expect(run('collect', 'mitigation', [])).toStrictEqual([]);
    expect(run('collect', 'mitigation', null)).toBeNull();
  });

  // Issue 19 point 1: a catalogue attribute left out is missing data, like `null`, so the list is unknown, never
  // shorter (a capability whose family nobody recorded may be the one a rule looks for).
  test('an id without the attribute leaves the list unknown', () => {
    expect(run('collect', 'mitigation', ['no-mitigation'])).toBeNull();
    expect(run('collect', 'mitigation', ['vague-end-use', 'no-mitigation'])).toBeNull();
  });

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

// Issue 19, D6: a `null` attribute is "not known", so what is computed from it is unknown, never shorter or smaller.
describe('collect and sum over an attribute recorded as not known (null)', () => {
  const withUnknown = {
    catalogues: new Map([
      [
        'capabilities',
        new Map([
          ['facial-recognition', { attributes: { implies: null, weight: null } }],
          ['billing', { attributes: { implies: 'generally-out-of-scope', weight: 1 } }],
        ]),
      ],
    ]),
    scales: new Map(),
  } as unknown as Program;
  const derive = (kind: 'sum' | 'collect', attribute: string, ids: readonly string[]) =>
    compileDerivation(
      { kind, of: 'ids', catalogue: 'capabilities', attribute },
      () => 0,
      withUnknown,
    )([ids as FactValue]);

  test('collect is unknown as soon as one listed id has the attribute as null', () => {
    expect(derive('collect', 'implies', ['billing', 'facial-recognition'])).toBeNull();
    expect(derive('collect', 'implies', ['billing'])).toStrictEqual(['generally-out-of-scope']);
  });

  test('sum is unknown as soon as one listed id has the attribute as null', () => {
    expect(derive('sum', 'weight', ['billing', 'facial-recognition'])).toBeNull();
    expect(derive('sum', 'weight', ['billing'])).toBe(1);
  });
});

const levels = ['none', 'mere-possibility', 'grounds-for-suspicion', 'positive-knowledge'];
const recordsProgram = {
  catalogues: new Map([
    [
      'restricted',
      new Map([
        ['SY', {}],
        ['IR', {}],
      ]),
    ],
    [
      'memberStates',
      new Map([
        ['FR', { attributes: { memberState: 'FR' } }],
        ['RE', { attributes: { memberState: 'FR' } }],
        ['XX', { attributes: { memberState: null } }],
      ]),
    ],
  ]),
  scales: new Map([['knowledge', levels]]),
} as unknown as Program;
const onRecords = (derivation: Parameters<typeof compileDerivation>[0], records: readonly object[] | null) =>
  compileDerivation(derivation, () => 0, recordsProgram)([records as FactValue]);

// Issue 19, D1: a record whose filter field or level is unknown may be the strongest, so the level is unknown.
describe('maxLevel with records whose fields are unknown', () => {
  const strongest = (records: readonly object[]) =>
    onRecords(
      { kind: 'maxLevel', of: 'records', field: 'knowledge', scale: 'knowledge', where: { source: ['due-diligence'] } },
      records,
    );

  test('known records give the strongest level among those that match; none matching gives the first level', () => {
    expect(
      strongest([
        { source: 'due-diligence', knowledge: 'mere-possibility' },
        { source: 'other', knowledge: 'positive-knowledge' },
      ]),
    ).toBe('mere-possibility');
    expect(strongest([{ source: 'other', knowledge: 'positive-knowledge' }])).toBe('none');
  });

  test('a matching record whose level is unknown leaves the level unknown, unless the top is already reached', () => {
    expect(
      strongest([{ source: 'due-diligence' }, { source: 'due-diligence', knowledge: 'mere-possibility' }]),
    ).toBeNull();
    expect(strongest([{ source: 'due-diligence' }, { source: 'due-diligence', knowledge: 'positive-knowledge' }])).toBe(
      'positive-knowledge',
    );
  });

  test('a record whose filter field is unknown counts only if it could be stronger than what is known', () => {
    expect(
      strongest([{ knowledge: 'grounds-for-suspicion' }, { source: 'due-diligence', knowledge: 'mere-possibility' }]),
    ).toBeNull();
    expect(
      strongest([{ knowledge: 'mere-possibility' }, { source: 'due-diligence', knowledge: 'grounds-for-suspicion' }]),
    ).toBe('grounds-for-suspicion');
  });

  test('a record whose filter field is known to be another value never counts, whatever else is unknown', () => {
    expect(strongest([{ source: 'other' }, { source: 'due-diligence', knowledge: 'mere-possibility' }])).toBe(
      'mere-possibility',
    );
  });
});

describe('anyRecordIn', () => {
  const anyRestricted = (records: readonly object[] | null) =>
    onRecords(
      { kind: 'anyRecordIn', of: 'records', field: 'country', catalogue: 'restricted', where: { role: ['consignee'] } },
      records,
    );

  test('true once a record that matches has its field in the catalogue, whatever else is unknown', () => {
    expect(anyRestricted([{ role: 'consignee' }, { role: 'consignee', country: 'SY' }])).toBe(true);
  });

  test('false when every record that may match has its field known and outside the catalogue', () => {
    expect(anyRestricted([{ role: 'consignee', country: 'US' }, { role: 'reseller' }])).toBe(false);
    expect(anyRestricted([])).toBe(false);
  });

  test('unknown while a record that may match has its field unknown, or may match with its field inside', () => {
    expect(anyRestricted([{ role: 'consignee', country: 'US' }, { role: 'consignee' }])).toBeNull();
    expect(anyRestricted([{ country: 'IR' }])).toBeNull();
    expect(anyRestricted(null)).toBeNull();
  });

  test('a list-valued field counts when any of its ids is in the catalogue', () => {
    expect(
      onRecords({ kind: 'anyRecordIn', of: 'records', field: 'ids', catalogue: 'restricted' }, [{ ids: ['US', 'IR'] }]),
    ).toBe(true);
    expect(
      onRecords({ kind: 'anyRecordIn', of: 'records', field: 'ids', catalogue: 'restricted' }, [{ ids: [] }]),
    ).toBe(false);
  });
});

describe('recordsComplete', () => {
  const identified = (records: readonly object[] | null) =>
    onRecords(
      {
        kind: 'recordsComplete',
        of: 'records',
        fields: ['name', 'country'],
        where: { role: ['consignee', 'reseller'] },
      },
      records,
    );

  test('true when every record that may match gives every field', () => {
    expect(identified([{ role: 'consignee', name: 'A', country: 'US' }, { role: 'purchaser' }])).toBe(true);
    expect(identified([])).toBe(true);
  });

  test('unknown, never false, while a record that may match lacks a field: the field is unknown, not missing', () => {
    expect(identified([{ role: 'reseller', name: 'B' }])).toBeNull();
    expect(identified([{ name: 'C' }])).toBeNull();
    expect(identified(null)).toBeNull();
  });
});

describe('firstKnown and firstMemberOf with an attribute', () => {
  test('firstKnown gives the first known value, unknown only when all are', () => {
    const first = compileDerivation(
      { kind: 'firstKnown', of: ['a', 'b'] },
      (id) => (id === 'a' ? 0 : 1),
      recordsProgram,
    );
    expect(first([null, 'none'])).toBe('none');
    expect(first(['applies', 'none'])).toBe('applies');
    expect(first([false, true])).toBe(false);
    expect(first([null, null])).toBeNull();
  });

  test("firstMemberOf gives the first member's attribute; null, or no member, leaves it unknown", () => {
    const memberState = compileDerivation(
      { kind: 'firstMemberOf', of: ['a', 'b'], catalogue: 'memberStates', attribute: 'memberState' },
      (id) => (id === 'a' ? 0 : 1),
      recordsProgram,
    );
    expect(memberState(['RE', 'FR'])).toBe('FR');
    expect(memberState(['MC', 'FR'])).toBe('FR');
    expect(memberState(['XX', 'FR'])).toBeNull();
    expect(memberState(['MC', 'CH'])).toBeNull();
    expect(memberState([null, 'FR'])).toBeNull();
  });
});
