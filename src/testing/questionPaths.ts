import { nonNull, schemaAt, type SchemaNode } from '../transaction/schemaNodes';
import { transactionJsonSchema } from '../transaction/transactionJsonSchema';

let root: SchemaNode | undefined;

/** Whether a field of this schema takes a yes or no. */
export function isBoolean(node: SchemaNode): boolean {
  return node.type === 'boolean' || (Array.isArray(node.type) && node.type.includes('boolean'));
}

/**
 * The schema of the transaction field at a dotted path (`nationalLaw.suspicionRule.position`), from the published
 * contract (`schemas/transaction.schema.json`), past the `null` alternative of a nullable field; `undefined` when the
 * contract has no such field.
 */
export function schemaAtPath(path: string): SchemaNode | undefined {
  root ??= transactionJsonSchema() as SchemaNode;
  return nonNull(schemaAt(root, path.split('.')));
}

/** The value at a dotted path of a transaction (`undefined` where it is absent). */
export function valueAt(transaction: unknown, path: string): unknown {
  let value = transaction;
  for (const key of path.split('.'))
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

/**
 * A copy of `partial` with the field at `path` answered: set to `value`, and where an object on the way is absent or
 * `null` in `partial`, taken whole from `complete` (so its required fields, such as a statement's source, come along).
 */
export function answered(partial: unknown, complete: unknown, path: string, value: unknown): unknown {
  const copy = structuredClone(partial) as Record<string, unknown>;
  const keys = path.split('.');
  let target = copy;
  let source = complete as Record<string, unknown> | undefined;
  for (const key of keys.slice(0, -1)) {
    const next = target[key];
    const from = source?.[key] as Record<string, unknown> | undefined;
    if (typeof next !== 'object' || next === null)
      target[key] = typeof from === 'object' && from !== null ? structuredClone(from) : {};
    target = target[key] as Record<string, unknown>;
    source = from;
  }
  target[keys.at(-1) as string] = structuredClone(value);
  return copy;
}
