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

/** A usage error about an option or argument's value (`--as-of`, `--workers`, a combination of options). */
export function invalidArgument(option: string, message: string): UsageError {
  return new UsageError({ path: [option], code: 'invalid_argument', message });
}

/** A usage error about a file (`-` is standard input): it cannot be read or written, exists, or holds the wrong thing. */
export function fileProblem(
  code: Exclude<keyof UsageIssuePayloads, 'missing_dependency' | 'cannot_listen'>,
  file: string,
  message: string,
  options?: CodedErrorOptions,
): UsageError {
  return new UsageError({ path: [file], code, file, message }, options);
}

/** The same usage error said more fully: its code, path and fields kept, the first as its `cause`. */
export function restated(error: UsageError, message: string): UsageError {
  const [issue] = error.issues as readonly Issue<UsageErrorCode>[];
  return new UsageError({ ...(issue ?? { path: [], code: 'invalid_argument' }), message }, { cause: error });
}
