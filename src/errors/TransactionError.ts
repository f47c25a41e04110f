import { CodedError } from './CodedError';
import { describeIssues, sortIssues, type Issue } from './issue';

/**
 * Thrown by `assess` when the transaction is not valid input: every problem is listed in `issues`, each with its path.
 *
 * @example
 * try { await assess(input); } catch (error) {
 *   if (error instanceof TransactionError) for (const issue of error.issues) console.error(issue.path.join('.'), issue.message);
 * }
 */
export class TransactionError extends CodedError<'invalid_transaction'> {
  override readonly name = 'TransactionError';

  constructor(issues: readonly Issue[]) {
    const sorted = sortIssues(issues);
    super(
      'invalid_transaction',
      `The transaction is not valid (${sorted.length} ${sorted.length === 1 ? 'issue' : 'issues'}):\n` +
        describeIssues(sorted),
      sorted,
    );
  }
}
