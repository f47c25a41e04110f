import { OneIssueError } from './CodedError';
import type { SigningIssuePayloads } from './codes/signingCodes';

/** Why a key could not be made or used for signing, or a signature file read. */
export type SigningErrorCode = keyof SigningIssuePayloads;

/**
 * Thrown by `generateSigningKeys`, `signRuleset`, `signingKeyId` and `parseRulesetSignature` (and by the decision
 * record verbs) for an unusable key, environment or signature file; `issues` names the argument by path.
 */
export class SigningError extends OneIssueError<SigningErrorCode> {
  override readonly name = 'SigningError';
}
