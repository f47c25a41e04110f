/** One field of a transaction as a report lists it: its path and its value in words. */
export interface TransactionField {
  readonly path: string;
  readonly value: string;
}

/**
 * Lists a transaction's fields, leaf by leaf, in the order given: `item.speciallyDesigned`, `findings[0].concern`, ….
 * Lists of plain values are joined; an empty list reads `none (empty list)`; `null` reads `unknown`.
 */
export function flattenTransaction(transaction: unknown): TransactionField[] {
  const fields: TransactionField[] = [];
  const visit = (value: unknown, path: string): void => {
    if (value === null) fields.push({ path, value: 'unknown' });
    else if (Array.isArray(value)) {
      if (value.length === 0) fields.push({ path, value: 'none (empty list)' });
      else if (value.every((entry) => entry === null || typeof entry !== 'object'))
        fields.push({ path, value: value.map(String).join(', ') });
      else value.forEach((entry, index) => visit(entry, `${path}[${index}]`));
    } else if (typeof value === 'object') {
      for (const [key, child] of Object.entries(value))
        if (child !== undefined) visit(child, path === '' ? key : `${path}.${key}`);
    } else if (value !== undefined)
      fields.push({ path, value: typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value) });
  };
  visit(transaction, '');
  return fields;
}
