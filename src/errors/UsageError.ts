import { OneIssueError } from './CodedError';
import type { UsageIssuePayloads } from './codes/usageCodes';

/** What the user of the command line can fix: an option's value, a file (see `docs/issue-codes.md`). */
export type UsageErrorCode = keyof UsageIssuePayloads | 'invalid_argument';

/**
 * A problem the user of the command line can fix (bad arguments, a file that cannot be read or written): printed
 * without a stack trace, exit code 2. The path names the option (`['--as-of']`) or the file.
 */
export class UsageError extends OneIssueError<UsageErrorCode> {
  override readonly name = 'UsageError';
}
