/** What made a decision record fail to be made, signed or verified. */
export type DecisionRecordErrorCode =
  /** The value is not a decision record (a field is missing or of the wrong type), or not plain JSON data. */
  | 'invalid_record'
  /** The record's content no longer hashes to its `sha256`: some byte of its content changed after it was made. */
  | 'record_changed'
  /** Public keys were given, so a signature is required, and the record has none. */
  | 'signature_missing'
  /** The record is signed with a key that is not among the public keys given. */
  | 'untrusted_key'
  /** The signature does not verify: it was not made over this content by the key it names, or it was altered. */
  | 'signature_invalid'
  /** The ruleset the record names is not available (not bundled, not registered). */
  | 'ruleset_not_found'
  /** A ruleset with the recorded id and version is available, but its content (sha256) differs from the recorded one. */
  | 'ruleset_changed'
  /** Re-running the assessment with the recorded ruleset gives another outcome than the one recorded. */
  | 'replay_mismatch';

/**
 * Thrown by `createDecisionRecord`, `signDecisionRecord` and `verifyDecisionRecord` with a code that says what failed
 * and a message that says how (which hash, which key, which outcome).
 */
export class DecisionRecordError extends Error {
  override readonly name = 'DecisionRecordError';
  readonly code: DecisionRecordErrorCode;

  constructor(code: DecisionRecordErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
