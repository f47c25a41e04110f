import fc from 'fast-check';
import type { TransactionVocabulary } from '../../src/testing/arbitraries';
import { partialTransactionArbitrary } from '../../src/testing/arbitraries';

/** Names that reach or shadow object prototypes, and keys close to real ones. */
const SUSPICIOUS_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'then',
  'speciallyDesinged',
  'Date',
  'exporter ',
  'redflags',
  '',
];

/** Values that are wrong in interesting ways: huge, deep, numbers where strings belong, strings where booleans belong. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 6 },
  {
    arbitrary: fc.constantFrom<unknown>(
      null,
      true,
      false,
      0,
      -0,
      1,
      -1,
      1e308,
      Number.MAX_SAFE_INTEGER + 2,
      '',
      ' ',
      'true',
      'false',
      'null',
      '0',
      'DE',
      'de',
      'export',
      [],
      {},
      [null],
      ['DE'],
    ),
    weight: 6,
  },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.integer({ min: 9_000, max: 300_000 }).map((length) => 'x'.repeat(length)), weight: 1 },
  // Annex I entries that match the entry pattern at any length, around the 40-character limit and far beyond it.
  {
    arbitrary: fc
      .oneof(fc.integer({ min: 16, max: 19 }), fc.integer({ min: 20, max: 100_000 }))
      .map((segments) => `5A001${'.a'.repeat(segments)}`),
    weight: 1,
  },
  // Astral characters near the length limits: two UTF-16 code units but one code point each.
  {
    arbitrary: fc
      .tuple(fc.constantFrom(200, 500, 2000, 10_000), fc.integer({ min: -2, max: 2 }), fc.boolean())
      .map(([limit, offset, half]) => '\u{1F600}'.repeat((half ? limit / 2 : limit) + offset)),
    weight: 1,
  },
  {
    arbitrary: fc.tuple(fc.integer({ min: 50, max: 12_000 }), fc.boolean()).map(([levels, asArrays]) => {
      let value: unknown = 'bottom';
      for (let level = 0; level < levels; level++) value = asArrays ? [value] : { a: value };
      return value;
    }),
    weight: 1,
  },
);

type Path = readonly (string | number)[];

/** Every place in a JSON value down to `maxDepth` levels, the root included (iteratively: values can be 12,000 levels deep). */
function pathsOf(value: unknown, maxDepth = 6): Path[] {
  const paths: Path[] = [];
  const pending: { value: unknown; path: Path }[] = [{ value, path: [] }];
  while (pending.length > 0) {
    const { value: node, path } = pending.shift() as { value: unknown; path: Path };
    paths.push(path);
    if (path.length >= maxDepth || node === null || typeof node !== 'object') continue;
    const entries: [string | number, unknown][] = Array.isArray(node)
      ? node.map((item, index) => [index, item])
      : Object.entries(node);
    for (const [key, item] of entries) pending.push({ value: item, path: [...path, key] });
  }
  return paths;
}

/** One change to a transaction, chosen by fast-check as data and applied at `at` (an index into its places). */
type Mutation =
  | { readonly kind: 'replace' | 'addKey'; readonly at: number; readonly key: string; readonly value: unknown }
  | { readonly kind: 'delete' | 'wrapInArray' | 'unwrapArray' | 'duplicateEntries' | 'scalarSwap'; readonly at: number }
  | { readonly kind: 'date'; readonly date: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), key: fc.constant(''), value: hostileValue }),
  fc.record({
    kind: fc.constant('addKey' as const),
    at: fc.nat(),
    key: fc.oneof(fc.constantFrom(...SUSPICIOUS_KEYS), fc.string({ maxLength: 12 })),
    value: hostileValue,
  }),
  fc.record({
    kind: fc.constantFrom(
      'delete' as const,
      'wrapInArray' as const,
      'unwrapArray' as const,
      'duplicateEntries' as const,
      'scalarSwap' as const,
    ),
    at: fc.nat(),
  }),
  fc.record({
    kind: fc.constant('date' as const),
    date: fc.oneof(
      fc.constantFrom(
        '2025-02-29',
        '2024-02-29',
        '2024-13-01',
        '2024-00-10',
        '2021-09-08',
        '2021-09-09',
        '2024-10-15',
        '2024-10-16',
        '1999-12-31',
        '9999-12-31',
        '2025-1-1',
        '20250110',
        '2025-01-10T00:00:00Z',
        ' 2025-01-10',
        '',
      ),
      fc
        .date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
        .map((date) => date.toISOString().slice(0, 10)),
    ),
  }),
);

/** Sets a property as JSON.parse would: an own data property, even for `__proto__`. */
function define(target: object, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

function parentAndKey(
  root: { value: unknown },
  path: Path,
): { parent: Record<string | number, unknown>; key: string | number } {
  let parent = root as unknown as Record<string | number, unknown>;
  let key: string | number = 'value';
  for (const segment of path) {
    parent = parent[key] as Record<string | number, unknown>;
    key = segment;
  }
  return { parent, key };
}

/** Applies mutations one after another to a copy of `transaction`. */
export function mutate(transaction: unknown, mutations: readonly Mutation[]): unknown {
  const root = { value: structuredClone(transaction) as unknown };
  for (const change of mutations) {
    if (change.kind === 'date') {
      if (root.value !== null && typeof root.value === 'object' && !Array.isArray(root.value))
        define(root.value, 'date', change.date);
      continue;
    }
    const paths = pathsOf(root.value);
    const path = paths[change.at % paths.length] as Path;
    const { parent, key } = parentAndKey(root, path);
    const current = parent[key];
    switch (change.kind) {
      case 'replace':
        define(parent, key, change.value);
        break;
      case 'addKey':
        if (current !== null && typeof current === 'object' && !Array.isArray(current))
          define(current, change.key, change.value);
        else define(parent, key, { [change.key]: change.value });
        break;
      case 'delete':
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete parent[key];
        break;
      case 'wrapInArray':
        define(parent, key, [current]);
        break;
      case 'unwrapArray':
        if (Array.isArray(current)) define(parent, key, current[0]);
        break;
      case 'duplicateEntries':
        if (Array.isArray(current)) define(parent, key, [...current, ...current]);
        break;
      case 'scalarSwap':
        define(
          parent,
          key,
          typeof current === 'string'
            ? Number(current.length)
            : typeof current === 'boolean'
              ? String(current)
              : typeof current === 'number'
                ? String(current)
                : current === null
                  ? 'null'
                  : current,
        );
        break;
    }
  }
  return root.value;
}

/** JSON text of `value` with a `__proto__` (or other prototype-reaching) member written into the object at `at`. */
function withPrototypeMember(value: unknown, at: number, key: string, member: unknown): unknown {
  const objects = pathsOf(value).filter((path) => {
    const found = path.reduce<unknown>((node, segment) => (node as Record<string | number, unknown>)[segment], value);
    return found !== null && typeof found === 'object' && !Array.isArray(found);
  });
  if (objects.length === 0) return value;
  const copy = structuredClone(value);
  const path = objects[at % objects.length] as Path;
  const target = path.reduce<unknown>(
    (node, segment) => (node as Record<string | number, unknown>)[segment],
    copy,
  ) as object;
  define(target, key, member);
  // Through JSON text, as a transaction arriving from outside would be parsed.
  return JSON.parse(JSON.stringify(copy)) as unknown;
}

/**
 * Inputs for `assess`: arbitrary JSON, valid transactions, valid transactions with one to three hostile changes,
 * and transactions parsed from JSON text that carries prototype-reaching keys.
 */
export function hostileTransactionArbitrary(vocabulary: TransactionVocabulary): fc.Arbitrary<unknown> {
  const valid = partialTransactionArbitrary(vocabulary).map(({ partial }) => partial as unknown);
  return fc.oneof(
    { arbitrary: fc.jsonValue({ maxDepth: 4 }), weight: 2 },
    { arbitrary: valid, weight: 2 },
    {
      arbitrary: fc
        .tuple(valid, fc.array(mutation, { minLength: 1, maxLength: 3 }))
        .map(([transaction, changes]) => mutate(transaction, changes)),
      weight: 5,
    },
    {
      arbitrary: fc
        .tuple(
          valid,
          fc.nat(),
          fc.constantFrom('__proto__', 'constructor', 'prototype'),
          fc.oneof(
            fc.constant({ polluted: true }),
            fc.constant({ prototype: { polluted: true } }),
            fc.jsonValue({ maxDepth: 2 }),
          ),
        )
        .map(([transaction, at, key, member]) => withPrototypeMember(transaction, at, key, member)),
      weight: 1,
    },
  );
}
