import type { Issue } from '../errors/issue';
import { TransactionError } from '../errors/TransactionError';
import { parseTransaction } from './parseTransaction';
import { transactionSchema } from './transactionSchema';

/**
 * Reads a transaction after problems already found with it (such as no ruleset in force on its date), so that one
 * `TransactionError` lists them all: those first, then what `read` reports. Returns what `read` returns when there is
 * no problem at all; `issues` receives what `read` reported.
 */
export function readReportingAll<T>(issues: Issue[], read: () => T): T {
  let value: T | undefined;
  let done = false;
  try {
    value = read();
    done = true;
  } catch (error) {
    if (!(error instanceof TransactionError)) throw error;
    // Not push(...issues): spreading 150,000 issues (one per unknown key) overflows the stack.
    for (const issue of error.issues) issues.push(issue);
  }
  if (issues.length > 0 || !done) throw new TransactionError(issues);
  return value as T;
}

/**
 * Refuses a transaction for which no ruleset could be chosen: a `TransactionError` with `issues` and, since there is no
 * ruleset to read it for, every other problem the contract's own schema finds.
 */
export function refuseTransaction(issues: Issue[], input: unknown): never {
  readReportingAll(issues, () => parseTransaction(input, transactionSchema));
  throw new TransactionError(issues);
}
