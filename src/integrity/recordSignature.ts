import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { DecisionRecordError } from '../errors/DecisionRecordError';
import { SigningError } from '../errors/SigningError';
import type { DecisionRecordSignature } from '../types/decisionRecord';

/** The JWS `typ` of a decision record's signature: a signature made for anything else is never taken for one. */
export const RECORD_SIGNATURE_TYPE = 'dual-use-rules.decision-record+jws';

/** The DER prefix of an Ed25519 public key in SPKI form (RFC 8410), before its 32 bytes. */
const ED25519_SPKI_PREFIX = Uint8Array.of(0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00);

/** A key as jose imports it (a WebCrypto key). */
type Key = Awaited<ReturnType<typeof import('jose').importSPKI>>;

/**
 * jose, loaded when a record is first signed or verified, so importing the library does not load it. jose is an ES
 * module only: the CommonJS entry loads it with `require`, which Node.js can do from 20.19 on.
 */
async function loadJose(): Promise<typeof import('jose')> {
  try {
    return await import('jose');
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'ERR_REQUIRE_ESM') throw error;
    throw new SigningError(
      {
        path: [],
        code: 'crypto_unavailable',
        message:
          'Decision-record signatures use jose, an ES module, which the CommonJS entry of dual-use-rules can load on ' +
          'Node.js 20.19 or later only: upgrade Node.js, or import the package as an ES module.',
      },
      { cause: error },
    );
  }
}

/**
 * Signs a record's canonical content with an Ed25519 private key (PKCS #8 PEM) as a detached JWS.
 * @throws {SigningError} `invalid_key` for a key that is not an Ed25519 private key.
 */
export async function signContent(
  canonical: string,
  privateKey: string,
): Promise<{ readonly signature: DecisionRecordSignature; readonly keyId: string }> {
  const jose = await loadJose();
  let key: Key;
  try {
    key = await jose.importPKCS8(privateKey, 'EdDSA', { extractable: true });
  } catch (error) {
    throw new SigningError(
      {
        path: ['privateKey'],
        code: 'invalid_key',
        message: 'The signing key is not a PEM-encoded Ed25519 private key (PKCS #8).',
      },
      { cause: error },
    );
  }
  const { x } = await jose.exportJWK(key);
  if (x === undefined)
    throw new SigningError({
      path: ['privateKey'],
      code: 'invalid_key',
      message: 'The signing key is not an Ed25519 key.',
    });
  const keyId = keyIdOfRawKey(jose.base64url.decode(x));
  const signed = await new jose.FlattenedSign(utf8ToBytes(canonical))
    .setProtectedHeader({ alg: 'EdDSA', kid: keyId, typ: RECORD_SIGNATURE_TYPE })
    .sign(key);
  return { signature: { protected: signed.protected ?? '', signature: signed.signature }, keyId };
}

/** The key id a signature's header names, or `undefined` when the header cannot be read. */
export async function signatureKeyId(signature: DecisionRecordSignature): Promise<string | undefined> {
  const jose = await loadJose();
  try {
    const header = jose.decodeProtectedHeader({ protected: signature.protected, signature: signature.signature });
    return typeof header.kid === 'string' ? header.kid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Verifies a record's detached JWS over its canonical content against the trusted public keys (SPKI PEM).
 * @returns The id of the key that signed it.
 * @throws {DecisionRecordError} `untrusted_key` or `signature_invalid`; {SigningError} `invalid_key` for a public key
 * that is not an Ed25519 key.
 */
export async function verifyContent(
  canonical: string,
  signature: DecisionRecordSignature,
  publicKeys: readonly string[],
  recordId: string,
): Promise<string> {
  const jose = await loadJose();
  const keyId = await signatureKeyId(signature);
  if (keyId === undefined)
    throw new DecisionRecordError({
      path: ['signature', 'protected'],
      code: 'signature_invalid',
      message: `The signature of decision record ${recordId} is not a JWS this library can read (its protected header is damaged).`,
    });
  const trusted = publicKeys.find((pem) => keyIdOfPublicKey(pem) === keyId);
  if (trusted === undefined)
    throw new DecisionRecordError({
      path: ['signature'],
      code: 'untrusted_key',
      keyId,
      message:
        `Decision record ${recordId} is signed with key ${keyId}, which is not among the ${publicKeys.length} ` +
        `public ${publicKeys.length === 1 ? 'key' : 'keys'} given.`,
    });
  let key: Key;
  try {
    key = await jose.importSPKI(trusted, 'EdDSA');
  } catch (error) {
    throw new SigningError(
      {
        path: ['options', 'publicKeys', publicKeys.indexOf(trusted)],
        code: 'invalid_key',
        message: `The public key ${keyId} is not a PEM-encoded Ed25519 public key.`,
      },
      { cause: error },
    );
  }
  try {
    const { protectedHeader } = await jose.flattenedVerify(
      { ...signature, payload: jose.base64url.encode(canonical) },
      key,
      { algorithms: ['EdDSA'] },
    );
    if (protectedHeader?.typ !== RECORD_SIGNATURE_TYPE) throw new Error(`typ is ${String(protectedHeader?.typ)}`);
  } catch (error) {
    throw new DecisionRecordError(
      {
        path: ['signature'],
        code: 'signature_invalid',
        message:
          `The signature of decision record ${recordId} does not verify with key ${keyId}: the signature was ` +
          `altered, or it was not made over this content.`,
      },
      { cause: error },
    );
  }
  return keyId;
}

/**
 * The key id of an Ed25519 public key in PEM (SPKI): the first 16 hex digits of the sha256 of its DER encoding, as
 * ruleset signatures name keys. `undefined` for text that is not a PEM public key.
 */
export function keyIdOfPublicKey(pem: string): string | undefined {
  const body = /-----BEGIN PUBLIC KEY-----([\s\S]*?)-----END PUBLIC KEY-----/.exec(pem)?.[1];
  if (body === undefined) return undefined;
  try {
    return keyIdOfDer(Uint8Array.from(atob(body.replace(/\s+/g, '')), (char) => char.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

function keyIdOfRawKey(raw: Uint8Array): string {
  const der = new Uint8Array(ED25519_SPKI_PREFIX.length + raw.length);
  der.set(ED25519_SPKI_PREFIX);
  der.set(raw, ED25519_SPKI_PREFIX.length);
  return keyIdOfDer(der);
}

function keyIdOfDer(der: Uint8Array): string {
  return bytesToHex(sha256(der)).slice(0, 16);
}
