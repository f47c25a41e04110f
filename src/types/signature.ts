import type { ValidityWindow } from './ruleset';

/**
 * A detached Ed25519 signature of one ruleset document, as stored in its sidecar file (`<document>.sig`).
 *
 * Format 2 (what `signRuleset` writes) signs the document's metadata: its id, version, validity, the versions it
 * replaces, and the sha256 of its canonical JSON, so the document's content and what a registry does with it are both
 * covered. Format 1 (no `format`; `dual-use-rules` 0.1.0) signs the canonical JSON alone: it is still verified, but
 * does not cover `replaces`. Reformatting the document keeps either valid; any change of content breaks it.
 */
export interface RulesetSignature {
  /** 2 for the signed-metadata format; absent for format 1. */
  readonly format?: 2;
  readonly algorithm: 'Ed25519';
  /** Identifies the public key that verifies it: the first 16 hex digits of the sha256 of the key (SPKI DER). */
  readonly keyId: string;
  /**
   * What was signed: the document's id, version and the sha256 of its canonical JSON (as in `Assessment.ruleset`);
   * in format 2 also its validity and the earlier versions it replaces (sorted).
   */
  readonly ruleset: {
    readonly id: string;
    readonly version: string;
    readonly sha256: string;
    readonly validity?: ValidityWindow;
    readonly replaces?: readonly string[];
  };
  /** The signature, base64. */
  readonly signature: string;
}

/** Options for `signRuleset`. */
export interface SignOptions {
  /**
   * Earlier versions of the same id that this document replaces in a registry (a correction of the same legal time).
   * Signed with the document, so a registry with public keys takes them from the signature and refuses others.
   */
  readonly replaces?: readonly string[];
}

/** A fresh Ed25519 key pair, PEM-encoded (SPKI public key, PKCS #8 private key). */
export interface SigningKeyPair {
  readonly publicKey: string;
  readonly privateKey: string;
  readonly keyId: string;
}
