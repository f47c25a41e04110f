import type { Transaction } from '../transaction/transactionSchema';

/**
 * The message of an error that reports a counterexample (`InvariantViolation`, `PropertyViolation`): what failed,
 * then the smallest transaction fast-check found, indented, and the options that reproduce it.
 */
export function counterexampleMessage(
  failed: readonly string[],
  transaction: Transaction,
  replay: { readonly seed: number; readonly path: string },
): string {
  return [
    ...failed,
    'Smallest transaction found:',
    JSON.stringify(transaction, null, 2).replace(/^/gm, '  '),
    `Reproduce with { seed: ${replay.seed}, path: ${JSON.stringify(replay.path)} }.`,
  ].join('\n');
}
