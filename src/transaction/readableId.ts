/**
 * The `id` of a parsed transaction that may be invalid, when it is a string: what an error about it can name (a
 * batch's error line carries it next to the line number).
 */
export function readableId(transaction: unknown): string | undefined {
  if (typeof transaction !== 'object' || transaction === null || Array.isArray(transaction)) return undefined;
  const id = Object.hasOwn(transaction, 'id') ? (transaction as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}
