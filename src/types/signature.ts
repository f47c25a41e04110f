/**
 * A detached Ed25519 signature of one ruleset document, as stored in its sidecar file (`<document>.sig`).
 * It signs the document's canonical JSON, so reformatting the file keeps it valid and any change of content breaks it.
 */
export interface RulesetSignature {
  readonly algorithm: 'Ed25519';
  /** Identifies the public key that verifies it: the first 16 hex digits of the sha256 of the key (SPKI DER). */
  readonly keyId: string;
  /** What was signed: the document's id, version and the sha256 of its canonical JSON (as in `Assessment.ruleset`). */
  readonly ruleset: { readonly id: string; readonly version: string; readonly sha256: string };
  /** The signature, base64. */
  readonly signature: string;
}

/** A fresh Ed25519 key pair, PEM-encoded (SPKI public key, PKCS #8 private key). */
export interface SigningKeyPair {
  readonly publicKey: string;
  readonly privateKey: string;
  readonly keyId: string;
}
