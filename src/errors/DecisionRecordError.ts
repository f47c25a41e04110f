import { CodedError, fromIssue, type CodedErrorOptions } from './CodedError';
import type { RecordIssuePayloads } from './codes/recordCodes';
import type { Issue } from './issue';

/**
 * What made a decision record fail to be made, signed or verified (see `docs/issue-codes.md`), or an argument or
 * option of those calls that is malformed (`invalid_argument`, `invalid_option`).
 */
export type DecisionRecordErrorCode = keyof RecordIssuePayloads | 'invalid_argument' | 'invalid_option';

/**
 * Thrown by `createDecisionRecord`, `signDecisionRecord` and `verifyDecisionRecord` with a code that says what failed
 * and a message that says how (which hash, which key, which outcome); `issues` holds the path in the record.
 */
export class DecisionRecordError extends CodedError<DecisionRecordErrorCode> {
  override readonly name = 'DecisionRecordError';

  /**
   * @param issue - What failed and where: the field of the record, by path.
   * @param options - The problems found within it (`details`), and the `cause`.
   */
  constructor(issue: Issue<DecisionRecordErrorCode>, options?: CodedErrorOptions) {
    super(...fromIssue(issue, options));
  }
}
