import * as z from 'zod';
import { TransactionError } from '../errors/TransactionError';
import type { ParsedTransaction, TransactionSchema } from './transactionSchema';
import { zodIssues } from './zodIssues';

/**
 * Validates `input` against a transaction schema and returns the parsed transaction,
 * or throws `TransactionError` listing every problem with its path.
 */
export function parseTransaction(input: unknown, schema: TransactionSchema): ParsedTransaction {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  throw new TransactionError(
    result.error.issues.flatMap((issue) => zodIssues(issue, (path) => objectKeysAt(schema, path))),
  );
}

/** The keys the schema allows for the object at `path`, to suggest a correction for a typo. */
function objectKeysAt(schema: z.ZodType, path: readonly (string | number)[]): string[] {
  let current: z.ZodType = schema;
  for (const segment of [...path, undefined]) {
    for (;;) {
      if (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault) {
        current = current.unwrap() as z.ZodType;
      } else break;
    }
    if (segment === undefined) break;
    if (current instanceof z.ZodArray && typeof segment === 'number') current = current.element as z.ZodType;
    else if (current instanceof z.ZodObject && typeof segment === 'string')
      current = current.shape[segment] as z.ZodType;
    else return [];
  }
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}
