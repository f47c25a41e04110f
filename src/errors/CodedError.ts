import { describeIssues, type Issue, type IssueCode } from './issue';

/** A coded error as JSON (`JSON.stringify(error)`, a log line, a Problem Details body): what `toJSON` returns. */
export interface CodedErrorJson<C extends string = string> {
  readonly name: string;
  readonly code: C;
  readonly message: string;
  readonly issues: readonly Issue[];
}

/**
 * The base of every error this package throws on purpose: `TransactionError`, `RulesetError`, `AssessmentError`,
 * `DecisionRecordError`, `SigningError`, the command line's usage errors and `InvariantViolation`. Each has a `code`
 * saying what failed, `issues` saying where (each with a path and its own code) and why, a readable `message`, and
 * `toJSON()`. Anything else thrown by a call of this package is a bug.
 *
 * @example
 * try { await assess(input, options); } catch (error) {
 *   if (!(error instanceof CodedError)) throw error;
 *   log.warn(error.toJSON()); // { name, code, message, issues: [{ path, code, message, … }] }
 * }
 */
export abstract class CodedError<C extends string = string> extends Error {
  /** What failed, e.g. `invalid_transaction` or `ruleset_not_in_force`: stable, snake_case. */
  readonly code: C;
  /** Every problem found, each with its path, its code and the fields of that code. */
  readonly issues: readonly Issue[];

  protected constructor(code: C, message: string, issues: readonly Issue[], options?: { readonly cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.issues = issues;
  }

  /** The error as plain data: `{ name, code, message, issues }` (a `cause` is left out). */
  toJSON(): CodedErrorJson<C> {
    return { name: this.name, code: this.code, message: this.message, issues: this.issues };
  }
}

/** How an error about one thing is made, besides its issue: the problems found within that thing, and a cause. */
export interface CodedErrorOptions {
  /**
   * The problems found within what the issue names, with their own paths and codes (e.g. where an argument is not
   * plain JSON data): they become the error's `issues`, and the message lists them.
   */
  readonly details?: readonly Issue[];
  readonly cause?: unknown;
}

/**
 * The `CodedError` constructor's arguments for an error about one thing (an option, a key, a record): its code is
 * the issue's, its issues that issue, or the details found within what the issue names.
 */
export function fromIssue<C extends IssueCode>(
  issue: Issue<C>,
  options: CodedErrorOptions = {},
): [C, string, readonly Issue[], CodedErrorOptions] {
  const { details = [] } = options;
  // An issue of one of the codes C is an issue: TypeScript cannot see it through the generic mapped type.
  const issues: readonly Issue[] = details.length === 0 ? [issue as Issue] : details;
  return [
    issue.code,
    details.length === 0 ? issue.message : `${issue.message}\n${describeIssues(details)}`,
    issues,
    options,
  ];
}
