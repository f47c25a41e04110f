import { CodedError, fromIssue, type CodedErrorOptions } from './CodedError';
import type { UsageIssuePayloads } from './codes/usageCodes';
import type { Issue } from './issue';

/** What the user of the command line can fix: an option's value, a file (see `docs/issue-codes.md`). */
export type UsageErrorCode = keyof UsageIssuePayloads | 'invalid_argument';

/**
 * A problem the user of the command line can fix (bad arguments, a file that cannot be read or written): printed
 * without a stack trace, exit code 2. The path names the option (`['--as-of']`) or the file.
 */
export class UsageError extends CodedError<UsageErrorCode> {
  override readonly name = 'UsageError';

  /**
   * @param issue - What failed and where: the option or file, by path.
   * @param options - The problems found within it (`details`), and the `cause`.
   */
  constructor(issue: Issue<UsageErrorCode>, options?: CodedErrorOptions) {
    super(...fromIssue(issue, options));
  }
}
