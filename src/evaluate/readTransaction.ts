import { parseTransaction } from '../transaction/parseTransaction';
import type { TransactionSchema } from '../transaction/transactionSchema';
import { fastReaderFor, valueAtPath } from './compileParser';

/** What evaluation needs of a valid transaction. */
export interface TransactionReading {
  /** The transaction's `id`, when it has one. */
  readonly id: string | undefined;
  /** The values at the paths the reader was made for, in order (`undefined` or `null` where unknown). */
  readonly inputs: readonly unknown[];
}

const ID_PATH: readonly string[] = ['id'];

/**
 * Makes a reader that validates a transaction against a schema and reads its id and the values at `paths` (a
 * ruleset's input facts) in one pass, without building the parsed transaction. Input the fast reader does not
 * accept goes to zod, which explains every problem: the reader then throws `TransactionError`.
 */
export function createTransactionReader(
  schema: TransactionSchema,
  paths: readonly (readonly string[])[],
): (input: unknown) => TransactionReading {
  // The id is read last, so that the values read are the inputs as they stand (later entries are never looked at).
  const allPaths = [...paths, ID_PATH];
  const idIndex = paths.length;
  const fast = fastReaderFor(schema, allPaths);
  return (input) => {
    let read = fast?.(input);
    if (read === undefined) {
      const parsed = parseTransaction(input, schema);
      read = allPaths.map((path) => valueAtPath(parsed, path));
    }
    return { id: (read[idIndex] ?? undefined) as string | undefined, inputs: read };
  };
}
