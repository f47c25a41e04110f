import { OneIssueError } from './CodedError';
import type { RecordIssuePayloads } from './codes/recordCodes';

/** What made a decision record fail to be made, signed or verified (see `docs/issue-codes.md`). */
export type DecisionRecordErrorCode = keyof RecordIssuePayloads;

/**
 * Thrown by `createDecisionRecord`, `signDecisionRecord` and `verifyDecisionRecord` with a code that says what failed
 * and a message that says how (which hash, which key, which outcome); `issues` holds the path in the record.
 */
export class DecisionRecordError extends OneIssueError<DecisionRecordErrorCode> {
  override readonly name = 'DecisionRecordError';
}
