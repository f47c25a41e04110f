import { CodedError, fromIssue, type CodedErrorOptions } from './CodedError';
import type { SigningIssuePayloads } from './codes/signingCodes';
import type { Issue } from './issue';

/** Why a key could not be made or used for signing, or a signature file read, or an argument is malformed. */
export type SigningErrorCode = keyof SigningIssuePayloads | 'invalid_argument' | 'invalid_option';

/**
 * Thrown by `generateSigningKeys`, `signRuleset`, `signingKeyId` and `parseRulesetSignature` (and by the decision
 * record verbs) for an unusable key, environment or signature file; `issues` names the argument by path.
 */
export class SigningError extends CodedError<SigningErrorCode> {
  override readonly name = 'SigningError';

  /**
   * @param issue - What failed and where: the key or signature argument, by path.
   * @param options - The problems found within it (`details`), and the `cause`.
   */
  constructor(issue: Issue<SigningErrorCode>, options?: CodedErrorOptions) {
    super(...fromIssue(issue, options));
  }
}
