/** Why a key could not be made or used for signing. */
export type SigningErrorCode = 'crypto_unavailable' | 'invalid_key' | 'invalid_signature_file' | 'invalid_option';

/** Thrown by `generateSigningKeys`, `signRuleset` and `parseRulesetSignature` for an unusable key, environment or signature file. */
export class SigningError extends Error {
  override readonly name = 'SigningError';
  readonly code: SigningErrorCode;

  constructor(code: SigningErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
