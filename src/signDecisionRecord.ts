import { canonicalContent, checkIntact, readDecisionRecord } from './integrity/recordContent';
import { signContent } from './integrity/recordSignature';
import type { DecisionRecord } from './types/decisionRecord';

/**
 * Signs a decision record with an Ed25519 private key: a JWS (RFC 7515, flattened JSON, detached payload) over the
 * record's content in canonical JSON (RFC 8785), algorithm `EdDSA`, the key named by its id as ruleset signatures name
 * keys. Any JOSE library can check it; `verifyDecisionRecord` does, and replays the assessment. The same keys as for
 * rulesets work (`dual-use-rules keygen`, `generateSigningKeys`).
 *
 * @param record - A record from `createDecisionRecord` (a signature it already has is replaced).
 * @param privateKey - PEM-encoded PKCS #8 Ed25519 private key.
 * @returns The record with its `signature`.
 * @throws {DecisionRecordError} `invalid_record`, or `record_changed` when its content no longer matches its hash
 * (a changed record is never signed). {SigningError} `invalid_key` for an unusable key.
 *
 * @example
 * const signed = await signDecisionRecord(createDecisionRecord(order, assessment, { assessedBy: 'J. Doe' }), privateKey);
 * signed.signature; // { protected: 'eyJhbGciOiJFZERTQSIs…', signature: '…' }
 */
export async function signDecisionRecord(record: DecisionRecord, privateKey: string): Promise<DecisionRecord> {
  const checked = readDecisionRecord(record);
  checkIntact(checked);
  const { signature } = await signContent(canonicalContent(checked), privateKey);
  return { ...checked, signature };
}
