import type { Assessment, RulesetReference } from './assessment';
import type { RulesetRegistry } from './registry';

/** The format of a decision record, with its version: what `verifyDecisionRecord` reads. */
export const DECISION_RECORD_FORMAT = 'dual-use-rules/decision-record/1';

/**
 * A signature of a decision record: a JWS (RFC 7515) in its flattened JSON serialization with the payload detached
 * (RFC 7515, Appendix F). The payload is the record's content (every field but `sha256` and `signature`) in canonical
 * JSON (RFC 8785), its header names the algorithm `EdDSA` (Ed25519, RFC 8037) and the signing key's id.
 */
export interface DecisionRecordSignature {
  /** The JWS protected header, base64url: `{"alg":"EdDSA","kid":…,"typ":"dual-use-rules.decision-record+jws"}`. */
  readonly protected: string;
  /** The Ed25519 signature, base64url. */
  readonly signature: string;
}

/**
 * The record of one assessment, to keep for the exporter's files (Art. 27 of Regulation (EU) 2021/821: at least five
 * years): what was assessed, by whom and when, what came out, and with which exact ruleset and package version, so it
 * can be replayed and, when signed, proven unaltered.
 */
export interface DecisionRecord {
  readonly format: typeof DECISION_RECORD_FORMAT;
  /** A random UUID identifying the record. */
  readonly id: string;
  /** When the assessment was recorded (ISO 8601, UTC). */
  readonly assessedAt: string;
  /** Who assessed, as the caller named them (a person, a role or a system). */
  readonly assessedBy?: string;
  /** The transaction as assessed, its keys in canonical (sorted) order. */
  readonly transaction: unknown;
  readonly assessment: Assessment;
  /** The ruleset that made the assessment (as `assessment.ruleset`): id, version, sha256 and overlays. */
  readonly ruleset: RulesetReference;
  /** The package that made the assessment. */
  readonly package: { readonly name: string; readonly version: string };
  /** sha256 (hex) of the record's content in canonical JSON: every field above, not `sha256` and `signature`. */
  readonly sha256: string;
  /** Present when the record is signed. */
  readonly signature?: DecisionRecordSignature;
}

/** Options for `createDecisionRecord`. */
export interface DecisionRecordOptions {
  /** Who assessed: a person, a role or a system, as your records name them. */
  readonly assessedBy?: string;
  /** The clock that dates the record. Default: the system clock. */
  readonly clock?: () => Date;
  /** Makes the record's id. Default: `crypto.randomUUID()`. */
  readonly newId?: () => string;
}

/** Options for `verifyDecisionRecord`. */
export interface VerifyRecordOptions {
  /**
   * Ed25519 public keys (PEM) of those allowed to sign records. When present, even empty, the record must be signed by
   * one of them. Left out, a signature is not checked (the result says so).
   */
  readonly publicKeys?: readonly string[];
  /** Where to find the recorded ruleset by hash for the replay. Default: the bundled rulesets. */
  readonly registry?: RulesetRegistry;
}

/** What `verifyDecisionRecord` established about a record. */
export interface RecordVerification {
  /** The record's content hashes to its `sha256`. Always true in a returned result (otherwise it throws). */
  readonly intact: true;
  /** `verified`: signed by one of the given keys; `not_checked`: signed, but no public keys were given; `unsigned`. */
  readonly signature: 'verified' | 'not_checked' | 'unsigned';
  /** The id of the key that signed it, when it is signed. */
  readonly keyId?: string;
  /** The replay reached the recorded outcome and possible outcomes (always true in a returned result). */
  readonly matches: true;
  /** The whole replayed assessment equals the recorded one (trace, questions, notes and all). */
  readonly identical: boolean;
  /** The assessment's top-level fields whose values differ on replay, e.g. `['trace']` after a library upgrade. */
  readonly differences: readonly string[];
}
