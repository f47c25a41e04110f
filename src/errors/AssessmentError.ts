import { CodedError, fromIssue, type CodedErrorOptions } from './CodedError';
import type { AssessmentIssuePayloads } from './codes/assessmentCodes';
import type { Issue } from './issue';

/**
 * Why a call could not be carried out although its transaction, if any, is valid: `ruleset_not_in_force`,
 * `unknown_ruleset`, `not_a_compiled_ruleset`, `invalid_option`, `invalid_argument`, or `engine_failure` (a bug).
 */
export type AssessmentErrorCode = keyof AssessmentIssuePayloads;

/**
 * Thrown when a valid transaction cannot be assessed (the ruleset is not in force on the date, unknown, or the engine
 * failed) or a call's options or arguments are malformed. It never falls through to a default answer. `issues` names
 * the option or argument by path, e.g. `['options', 'asOf']`.
 */
export class AssessmentError extends CodedError<AssessmentErrorCode> {
  override readonly name = 'AssessmentError';

  /**
   * @param issue - What failed and where: the option or argument, by path.
   * @param options - The problems found within it (`details`), and the `cause`.
   */
  constructor(issue: Issue<AssessmentErrorCode>, options?: CodedErrorOptions) {
    super(...fromIssue(issue, options));
  }
}
