import fc from 'fast-check';

/** An array nested `depth` levels deep, built without recursion. */
export function nestedArray(depth: number): unknown[] {
  const root: unknown[] = [];
  let level = root;
  for (let index = 1; index < depth; index++) {
    const next: unknown[] = [];
    level.push(next);
    level = next;
  }
  return root;
}

/** An object nested `depth` levels deep under the key `a`. */
function nestedObject(depth: number): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  let level = root;
  for (let index = 1; index < depth; index++) {
    const next: Record<string, unknown> = {};
    level['a'] = next;
    level = next;
  }
  return root;
}

const fail = (what: string) => () => {
  throw new Error(`hostile ${what}`);
};

/** A proxy of `target` whose every trap throws, or only the `get` trap. */
export function throwingProxy(target: object, traps: 'all' | 'get'): object {
  const names =
    traps === 'get'
      ? ['get']
      : ['get', 'has', 'ownKeys', 'getOwnPropertyDescriptor', 'getPrototypeOf', 'set', 'defineProperty', 'apply'];
  return new Proxy(target, Object.fromEntries(names.map((name) => [name, fail(`${name} trap`)])));
}

/** Makers of hostile values: each makes a fresh one, as a caller might pass it. */
const MAKERS: readonly (() => unknown)[] = [
  () => null,
  () => undefined,
  () => Number.NaN,
  () => Number.POSITIVE_INFINITY,
  () => -1,
  () => '',
  () => 'x'.repeat(100_000),
  () => true,
  () => 10n ** 30n,
  () => Symbol('hostile'),
  () => () => 'a function',
  () => new Map([['a', 1]]),
  () => new Date(Number.NaN),
  // eslint-disable-next-line no-sparse-arrays -- a hole is what JSON cannot hold
  () => [1, , 3],
  () => Object.assign([1, 2], { extra: true }),
  () => ({ [Symbol('key')]: 1 }),
  () => throwingProxy({}, 'all'),
  () => throwingProxy([], 'all'),
  () => throwingProxy({ a: 1 }, 'get'),
  () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  },
  () => Object.defineProperty({}, 'value', { get: fail('getter'), enumerable: true }),
  () => {
    let reads = 0;
    return Object.defineProperty({}, 'value', { get: () => (reads++ % 2 === 0 ? 'first' : 2), enumerable: true });
  },
  () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic['self'] = cyclic;
    return cyclic;
  },
  () => {
    const list: unknown[] = [1];
    list.push(list);
    return list;
  },
  () => nestedArray(100_000),
  () => nestedObject(100_000),
];

/** A hostile value's maker. */
export const hostileValue: fc.Arbitrary<() => unknown> = fc.constantFrom(...MAKERS);

/** A place in a value where another can go: a key (or index) of one of its plain objects or arrays. */
interface Slot {
  readonly container: Record<string, unknown> | unknown[];
  readonly key: string | number;
}

/**
 * A copy of `value` (its plain objects and arrays copied, anything else kept) with `hostile` put at one of its
 * places, chosen by `place`: in place of any value inside it, or under a new key. A value with no place is replaced.
 */
export function mutated(value: unknown, place: number, hostile: unknown): unknown {
  const slots: Slot[] = [];
  const copy = (item: unknown, depth: number): unknown => {
    if (depth > 40 || typeof item !== 'object' || item === null) return item;
    if (Array.isArray(item)) {
      const list = item.map((entry) => copy(entry, depth + 1));
      list.forEach((_, index) => slots.push({ container: list, key: index }));
      slots.push({ container: list, key: list.length });
      return list;
    }
    if (Object.getPrototypeOf(item) !== Object.prototype) return item;
    const record: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(item)) {
      record[key] = copy(entry, depth + 1);
      slots.push({ container: record, key });
    }
    slots.push({ container: record, key: 'hostileExtra' });
    return record;
  };
  const root = copy(value, 0);
  const slot = slots[place % Math.max(slots.length, 1)];
  if (slot === undefined) return hostile;
  (slot.container as Record<string | number, unknown>)[slot.key] = hostile;
  return root;
}
