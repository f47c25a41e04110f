import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { scanDocument } from '../document/scanDocument';
import { RulesetError } from '../errors/RulesetError';
import type { Issue, IssuePath } from '../errors/issue';
import { canonicalJson } from '../document/canonicalJson';
import { NODE_CRYPTO_UNAVAILABLE, nodeCrypto } from '../document/nodeCrypto';

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

/** Why a key could not be made or used for signing. */
export type SigningErrorCode = 'crypto_unavailable' | 'invalid_key' | 'invalid_signature_file';

/** Thrown by `generateSigningKeys`, `signRuleset` and `parseRulesetSignature` for an unusable key, environment or signature file. */
export class SigningError extends Error {
  override readonly name = 'SigningError';
  readonly code: SigningErrorCode;

  constructor(code: SigningErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** Domain separation: a signature made for a ruleset can never be passed off as a signature of anything else. */
const CONTEXT = 'dual-use-rules:ruleset-signature:v1\n';

/**
 * Generates an Ed25519 key pair for signing rulesets (Node.js only).
 *
 * @throws {SigningError} `crypto_unavailable` outside Node.js.
 *
 * @example
 * const { publicKey, privateKey, keyId } = generateSigningKeys();
 */
export function generateSigningKeys(): SigningKeyPair {
  const crypto = requireCrypto();
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  return { publicKey: publicPem, privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), keyId: signingKeyId(publicPem) };
}

/**
 * The key id of an Ed25519 public key (PEM): what a signature's `keyId` names.
 *
 * @throws {SigningError} `invalid_key` when the text is not an Ed25519 public key.
 */
export function signingKeyId(publicKey: string): string {
  const crypto = requireCrypto();
  const der = publicKeyObject(crypto, publicKey).export({ type: 'spki', format: 'der' });
  return bytesToHex(sha256(new Uint8Array(der))).slice(0, 16);
}

/**
 * Signs a ruleset document (base or overlay) with an Ed25519 private key, giving a detached signature to store next
 * to it (`<document>.sig`) and pass to `compileRuleset` in `signatures`. Validate the document before signing it.
 *
 * @param document - The ruleset document as parsed from JSON.
 * @param privateKey - PEM-encoded PKCS #8 Ed25519 private key, e.g. from `generateSigningKeys` or `dual-use-rules keygen`.
 * @throws {RulesetError} when the document is not plain JSON data; {SigningError} for an unusable key or outside Node.js.
 *
 * @example
 * const signature = signRuleset(document, readFileSync('ruleset-signing.key', 'utf8'));
 * writeFileSync('my-ruleset.json.sig', JSON.stringify(signature, null, 2));
 */
export function signRuleset(document: unknown, privateKey: string): RulesetSignature {
  const scanned = scanDocument(document);
  if (scanned.length > 0) throw new RulesetError(scanned, readableString(document, 'id'));
  const crypto = requireCrypto();
  let key: ReturnType<typeof crypto.createPrivateKey>;
  try {
    key = crypto.createPrivateKey(privateKey);
  } catch (error) {
    throw new SigningError('invalid_key', 'The private key is not a PEM-encoded private key.', { cause: error });
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new SigningError('invalid_key', `The private key is an ${key.asymmetricKeyType ?? 'unknown'} key, not Ed25519.`);
  const canonical = canonicalJson(document);
  const publicPem = crypto.createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
  return {
    algorithm: 'Ed25519',
    keyId: signingKeyId(publicPem),
    ruleset: { id: readableString(document, 'id') ?? '', version: readableString(document, 'version') ?? '', sha256: bytesToHex(sha256(utf8ToBytes(canonical))) },
    signature: crypto.sign(null, signedMessage(canonical), key).toString('base64'),
  };
}

/**
 * Reads a signature from parsed JSON (a `.sig` file), checking its shape.
 *
 * @throws {SigningError} `invalid_signature_file`, saying what is wrong.
 */
export function parseRulesetSignature(value: unknown, what = 'signature'): RulesetSignature {
  const problem = signatureShapeProblem(value);
  if (problem !== undefined) throw new SigningError('invalid_signature_file', `The ${what} is not a dual-use-rules ruleset signature: ${problem}.`);
  return value as RulesetSignature;
}

/** A document to verify and where it sits in what `compileRuleset` was given (`[]` for the base, `['overlays', i]`). */
export interface SignedDocument {
  readonly document: unknown;
  readonly path: IssuePath;
}

/**
 * Checks that every document has a valid signature, by one of the public keys, among `signatures` (matched by the
 * sha256 of the document's canonical JSON). Returns one issue per document that fails, saying why; none when all pass.
 * Documents must already have passed `scanDocument`.
 */
export function verifySignatures(documents: readonly SignedDocument[], signatures: readonly unknown[], publicKeys: readonly string[]): Issue[] {
  const crypto = nodeCrypto();
  if (crypto === undefined) return [{ path: [], code: 'signature_unverifiable', message: `${NODE_CRYPTO_UNAVAILABLE} Public keys are configured, so the ruleset cannot be accepted unverified.` }];
  const issues: Issue[] = [];
  const keys = new Map<string, ReturnType<typeof crypto.createPublicKey>>();
  publicKeys.forEach((pem, index) => {
    try {
      const key = publicKeyObject(crypto, pem);
      keys.set(bytesToHex(sha256(new Uint8Array(key.export({ type: 'spki', format: 'der' })))).slice(0, 16), key);
    } catch (error) {
      issues.push({ path: [], code: 'invalid_public_key', message: `publicKeys[${index}]: ${(error as Error).message}` });
    }
  });
  if (issues.length > 0) return issues;
  if (keys.size === 0) return [{ path: [], code: 'no_public_keys', message: 'publicKeys is empty, so no signature can be verified; configure at least one key (or leave the option out to compile without verification).' }];

  const wellFormed = signatures.filter((signature, index) => {
    const problem = signatureShapeProblem(signature);
    if (problem !== undefined) issues.push({ path: [], code: 'malformed_signature', message: `signatures[${index}] is not a dual-use-rules ruleset signature: ${problem}.` });
    return problem === undefined;
  }) as RulesetSignature[];
  for (const { document, path } of documents) {
    const canonical = canonicalJson(document);
    const digest = bytesToHex(sha256(utf8ToBytes(canonical)));
    const name = describeDocument(document);
    const mine = wellFormed.filter((signature) => signature.ruleset.sha256 === digest);
    if (mine.length === 0) {
      const stale = wellFormed.find((signature) => signature.ruleset.id === readableString(document, 'id'));
      issues.push(
        stale === undefined
          ? { path, code: 'unsigned_ruleset', message: `${name} has no signature, and public keys are configured: every ruleset document must be signed by one of them.` }
          : { path, code: 'ruleset_modified', message: `${name} has changed since it was signed: the signature covers ${stale.ruleset.id} ${stale.ruleset.version} with sha256 ${stale.ruleset.sha256}, the document's sha256 is ${digest}.` },
      );
      continue;
    }
    const message = signedMessage(canonical);
    const verdicts = mine.map((signature) => {
      const key = keys.get(signature.keyId);
      if (key === undefined) return { kind: 'untrusted', text: `signed with key ${signature.keyId}, which is not among the configured keys (${[...keys.keys()].join(', ')})` } as const;
      return crypto.verify(null, message, key, Buffer.from(signature.signature, 'base64'))
        ? ({ kind: 'valid', text: '' } as const)
        : ({ kind: 'mismatch', text: `the signature by key ${signature.keyId} does not match the document` } as const);
    });
    const mismatched = verdicts.filter((verdict) => verdict.kind === 'mismatch');
    if (mismatched.length > 0) {
      issues.push({ path, code: 'invalid_signature', message: `${name}: ${mismatched.map((verdict) => verdict.text).join('; ')}. The document or its signature has been altered.` });
    } else if (!verdicts.some((verdict) => verdict.kind === 'valid')) {
      issues.push({ path, code: 'untrusted_signature', message: `${name} is ${verdicts.map((verdict) => verdict.text).join('; ')}.` });
    }
  }
  return issues;
}

function signedMessage(canonical: string): Uint8Array {
  return utf8ToBytes(CONTEXT + canonical);
}

function requireCrypto(): NonNullable<ReturnType<typeof nodeCrypto>> {
  const crypto = nodeCrypto();
  if (crypto === undefined) throw new SigningError('crypto_unavailable', NODE_CRYPTO_UNAVAILABLE);
  return crypto;
}

function publicKeyObject(crypto: NonNullable<ReturnType<typeof nodeCrypto>>, pem: string) {
  let key: ReturnType<typeof crypto.createPublicKey>;
  try {
    key = crypto.createPublicKey(pem);
  } catch (error) {
    throw new SigningError('invalid_key', 'Not a PEM-encoded public key.', { cause: error });
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new SigningError('invalid_key', `An ${key.asymmetricKeyType ?? 'unknown'} key, not Ed25519.`);
  return key;
}

/** What is wrong with a value as a signature, or `undefined` when it has the right shape. */
function signatureShapeProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'expected a JSON object';
  const record = value as Record<string, unknown>;
  if (record['algorithm'] !== 'Ed25519') return 'algorithm must be "Ed25519"';
  if (typeof record['keyId'] !== 'string' || !/^[0-9a-f]{16}$/.test(record['keyId'])) return 'keyId must be 16 hex digits';
  if (typeof record['signature'] !== 'string' || !/^[A-Za-z0-9+/]{86}==$/.test(record['signature'])) return 'signature must be a base64 Ed25519 signature';
  const ruleset = record['ruleset'] as Record<string, unknown> | undefined;
  if (typeof ruleset !== 'object' || ruleset === null) return 'ruleset must name the signed document';
  if (typeof ruleset['sha256'] !== 'string' || !/^[0-9a-f]{64}$/.test(ruleset['sha256'])) return 'ruleset.sha256 must be 64 hex digits';
  if (typeof ruleset['id'] !== 'string' || typeof ruleset['version'] !== 'string') return 'ruleset.id and ruleset.version must be strings';
  return undefined;
}

function describeDocument(document: unknown): string {
  const id = readableString(document, 'id');
  const version = readableString(document, 'version');
  return id === undefined ? 'The ruleset document' : `The ruleset "${id}"${version === undefined ? '' : ` ${version}`}`;
}

function readableString(document: unknown, key: string): string | undefined {
  const value = typeof document === 'object' && document !== null ? (document as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? value : undefined;
}
