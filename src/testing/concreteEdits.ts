import fc from 'fast-check';
import type { Transaction } from '../transaction/transactionSchema';
import type { JsonValue, TransactionEdit } from './invariants';

/** An edit with its values drawn: the fields to set, or the record to append. */
export type ConcreteEdit =
  | { readonly set: Readonly<Record<string, JsonValue>> }
  | { readonly append: string; readonly record: Readonly<Record<string, JsonValue>> };

/** An arbitrary of an invariant's edit with its values drawn (shrinking to the first value of each choice). */
export function concreteEditArbitrary(edit: TransactionEdit): fc.Arbitrary<ConcreteEdit> {
  const draw = (choices: Readonly<Record<string, { readonly oneOf: readonly JsonValue[] }>>) =>
    fc.record(
      Object.fromEntries(Object.entries(choices).map(([key, choice]) => [key, fc.constantFrom(...choice.oneOf)])),
    ) as fc.Arbitrary<Record<string, JsonValue>>;
  return 'set' in edit
    ? draw(edit.set).map((set) => ({ set }))
    : draw(edit.record).map((record) => ({ append: edit.append, record }));
}

/** The transaction with the edit applied, or `undefined` when it appends to a list the transaction does not know. */
export function applyEdit(transaction: Transaction, edit: ConcreteEdit): Transaction | undefined {
  const copy = structuredClone(transaction) as Record<string, unknown>;
  if ('set' in edit) {
    for (const [path, value] of Object.entries(edit.set)) {
      const keys = path.split('.');
      let target = copy;
      for (const key of keys.slice(0, -1)) {
        const next = target[key];
        target = (typeof next === 'object' && next !== null ? next : (target[key] = {})) as Record<string, unknown>;
      }
      target[keys.at(-1) as string] = structuredClone(value);
    }
    return copy as Transaction;
  }
  const keys = edit.append.split('.');
  const parent = keys
    .slice(0, -1)
    .reduce<Record<string, unknown> | undefined>(
      (target, key) => target?.[key] as Record<string, unknown> | undefined,
      copy,
    );
  const list = parent?.[keys.at(-1) as string];
  if (!Array.isArray(list)) return undefined;
  list.push(structuredClone(edit.record));
  return copy as Transaction;
}

/** An edit in words, for a failure message. */
export function describeEdit(edit: ConcreteEdit): string {
  return 'set' in edit
    ? `setting ${Object.entries(edit.set)
        .map(([path, value]) => `${path} = ${JSON.stringify(value)}`)
        .join(', ')}`
    : `adding ${JSON.stringify(edit.record)} to ${edit.append}`;
}
