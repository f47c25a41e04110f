import fc from 'fast-check';
import type { Transaction } from '../../transaction/transactionSchema';
import type { FieldSlot, RecordsSlot } from './slots';

/** At most this many records in a generated list: enough for one that matches a filter and one that does not. */
const MAX_RECORDS = 3;

/** Transactions with every field of a space known (and the contract's required fields given). */
export function completeTransactions(
  fields: readonly FieldSlot[],
  records: readonly RecordsSlot[],
): fc.Arbitrary<Transaction> {
  return fc
    .record({
      values: fc.tuple(...fields.map((field) => field.values)),
      lists: fc.tuple(...records.map((slot) => fc.array(completeRecordOf(slot), { maxLength: MAX_RECORDS }))),
    })
    .map(({ values, lists }) => {
      const transaction: Record<string, unknown> = {};
      fields.forEach((field, index) => setAt(transaction, field.path, values[index]));
      records.forEach((slot, index) => setAt(transaction, slot.path, lists[index]));
      return transaction as Transaction;
    });
}

/** A record of a records fact with every field known. */
export function completeRecordOf(slot: RecordsSlot): fc.Arbitrary<Record<string, unknown>> {
  return fc.tuple(...slot.fields.map((field) => field.values)).map((values) => {
    const record: Record<string, unknown> = {};
    slot.fields.forEach((field, index) => (record[field.name] = values[index]));
    return record;
  });
}

/**
 * What can be unknown in a transaction of a space: a field, an object that holds only such fields (`item`,
 * `endUser`), a list of records, or a field of one record (its index taken modulo the list's length).
 */
type Hole =
  | { readonly path: readonly string[] }
  | { readonly list: readonly string[]; readonly field: string; readonly index: number };

/**
 * Partial transactions: a complete one with a few of the space's fields made unknown (left out, or `null`). Mostly
 * up to three, so that many are decided or nearly so, where a wrong unknown shows; now and then any number.
 */
export function partialTransactions(
  complete: fc.Arbitrary<Transaction>,
  fields: readonly FieldSlot[],
  records: readonly RecordsSlot[],
): fc.Arbitrary<Transaction> {
  const optional = fields.filter((field) => !field.required);
  const objects = [
    ...new Set(
      optional
        .filter(
          (field) =>
            field.path.length > 1 && fields.every((other) => other.path[0] !== field.path[0] || !other.required),
        )
        .map((field) => field.path[0] as string),
    ),
  ];
  const templates: Hole[] = [
    ...optional.map((field) => ({ path: field.path })),
    ...objects.map((key) => ({ path: [key] })),
    ...records.map((slot) => ({ path: slot.path })),
    ...records.flatMap((slot) =>
      slot.fields.filter((field) => !field.required).map((field) => ({ list: slot.path, field: field.name, index: 0 })),
    ),
  ];
  // What is unknown inside records twice as often as other fields: there, unknown is easiest to misread as "no match".
  const template = fc.oneof(
    ...templates.map((hole) => ({ arbitrary: fc.constant(hole), weight: 'list' in hole ? 2 : 1 })),
  );
  const hole = fc
    .record({ template, index: fc.nat(MAX_RECORDS - 1), asNull: fc.boolean() })
    .map(({ template, index, asNull }) => ({ hole: 'list' in template ? { ...template, index } : template, asNull }));
  const holes =
    templates.length === 0
      ? fc.constant([])
      : fc.oneof(
          { arbitrary: fc.array(hole, { maxLength: 3 }), weight: 4 },
          { arbitrary: fc.array(hole, { maxLength: templates.length }), weight: 1 },
        );
  return fc.tuple(complete, holes).map(([transaction, made]) => {
    const partial = structuredClone(transaction) as Record<string, unknown>;
    for (const { hole, asNull } of made) makeUnknown(partial, hole, asNull);
    return partial as Transaction;
  });
}

function makeUnknown(transaction: Record<string, unknown>, hole: Hole, asNull: boolean): void {
  let path: readonly (string | number)[];
  if ('list' in hole) {
    const list = valueAt(transaction, hole.list);
    if (!Array.isArray(list) || list.length === 0) return;
    path = [...hole.list, hole.index % list.length, hole.field];
  } else path = hole.path;
  const parent = valueAt(transaction, path.slice(0, -1));
  if (typeof parent !== 'object' || parent === null) return;
  const key = path.at(-1) as string | number;
  if (asNull) (parent as Record<string | number, unknown>)[key] = null;
  else delete (parent as Record<string | number, unknown>)[key];
}

/** The completions of a transaction over a space: each unknown field, in records too, given a known value. */
export function completionsOf(
  transaction: Transaction,
  fields: readonly FieldSlot[],
  records: readonly RecordsSlot[],
): fc.Arbitrary<Transaction> {
  const holes: { path: readonly (string | number)[]; values: fc.Arbitrary<unknown> }[] = [];
  for (const field of fields) if (!field.required && isUnknown(valueAt(transaction, field.path))) holes.push(field);
  for (const slot of records) {
    const list = valueAt(transaction, slot.path);
    if (!Array.isArray(list)) {
      holes.push({ path: slot.path, values: fc.array(completeRecordOf(slot), { maxLength: MAX_RECORDS }) });
      continue;
    }
    list.forEach((record: Record<string, unknown>, index) => {
      for (const field of slot.fields)
        if (!field.required && isUnknown(record[field.name]))
          holes.push({ path: [...slot.path, index, field.name], values: field.values });
    });
  }
  if (holes.length === 0) return fc.constant(transaction);
  return fc.tuple(...holes.map((hole) => hole.values)).map((values) => {
    const completion = structuredClone(transaction) as Record<string, unknown>;
    holes.forEach((hole, index) => setAt(completion, hole.path, values[index]));
    return completion as Transaction;
  });
}

/** The transaction with the entries of each known list of the space (and each list in its records) shuffled. */
export function reorderingsOf(
  transaction: Transaction,
  fields: readonly FieldSlot[],
  records: readonly RecordsSlot[],
): fc.Arbitrary<Transaction> {
  const lists = listsOf(transaction, fields, records);
  return fc
    .tuple(
      ...lists.map((path) => {
        const length = (valueAt(transaction, path) as unknown[]).length;
        return fc.shuffledSubarray(
          Array.from({ length }, (_, index) => index),
          { minLength: length },
        );
      }),
    )
    .map((orders) => reorder(transaction, lists, orders));
}

/** The transaction with the entries of each known list of the space (and each list in its records) reversed. */
export function reversed(
  transaction: Transaction,
  fields: readonly FieldSlot[],
  records: readonly RecordsSlot[],
): Transaction {
  const lists = listsOf(transaction, fields, records);
  return reorder(
    transaction,
    lists,
    lists.map((path) => (valueAt(transaction, path) as unknown[]).map((_, index, list) => list.length - 1 - index)),
  );
}

/** The paths of the known lists of a transaction over a space, a record's own lists before the list of records. */
function listsOf(
  transaction: Transaction,
  fields: readonly FieldSlot[],
  records: readonly RecordsSlot[],
): (readonly (string | number)[])[] {
  const lists: (readonly (string | number)[])[] = [];
  for (const field of fields) if (Array.isArray(valueAt(transaction, field.path))) lists.push(field.path);
  for (const slot of records) {
    const list = valueAt(transaction, slot.path);
    if (!Array.isArray(list)) continue;
    list.forEach((record: Record<string, unknown>, index) => {
      for (const field of slot.fields)
        if (Array.isArray(record[field.name])) lists.push([...slot.path, index, field.name]);
    });
    lists.push(slot.path);
  }
  return lists;
}

/** The transaction with each list at `lists` in the order `orders` gives (indexes into the list as it was). */
function reorder(
  transaction: Transaction,
  lists: readonly (readonly (string | number)[])[],
  orders: readonly (readonly number[])[],
): Transaction {
  const reordered = structuredClone(transaction) as Record<string, unknown>;
  lists.forEach((path, index) => {
    const list = valueAt(reordered, path) as unknown[];
    setAt(
      reordered,
      path,
      (orders[index] as readonly number[]).map((at) => list[at]),
    );
  });
  return reordered as Transaction;
}

const isUnknown = (value: unknown) => value === undefined || value === null;

/** The value at a path, `undefined` where an object on the way is absent or `null`. */
export function valueAt(transaction: unknown, path: readonly (string | number)[]): unknown {
  let value = transaction;
  for (const key of path)
    value = typeof value === 'object' && value !== null ? (value as Record<string | number, unknown>)[key] : undefined;
  return value;
}

/** Sets the value at a path, creating the objects on the way that are absent or `null`. */
export function setAt(
  target: Record<string | number, unknown>,
  path: readonly (string | number)[],
  value: unknown,
): void {
  let at = target;
  for (const key of path.slice(0, -1)) {
    const next = at[key];
    at = (typeof next === 'object' && next !== null ? next : (at[key] = {})) as Record<string | number, unknown>;
  }
  at[path.at(-1) as string | number] = value;
}
