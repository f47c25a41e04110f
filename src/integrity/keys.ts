import type * as NodeCrypto from 'node:crypto';
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import { NODE_CRYPTO_UNAVAILABLE, nodeCrypto } from '../document/nodeCrypto';
import type { IssuePath } from '../errors/issue';
import { SigningError } from '../errors/SigningError';

/** Node's crypto module, or a `SigningError` (`crypto_unavailable`) where there is none. */
export function requireCrypto(): NonNullable<ReturnType<typeof nodeCrypto>> {
  const crypto = nodeCrypto();
  if (crypto === undefined)
    throw new SigningError({ path: [], code: 'crypto_unavailable', message: NODE_CRYPTO_UNAVAILABLE });
  return crypto;
}

/**
 * An Ed25519 key that `create` reads from PEM text (the argument at `path`). Throws `SigningError` (`invalid_key`) with
 * `notPem` when the text is not a key, and with `wrongType(type)` for a key of another type.
 */
export function readEd25519Key(
  create: () => NodeCrypto.KeyObject,
  path: IssuePath,
  notPem: string,
  wrongType: (type: string) => string,
): NodeCrypto.KeyObject {
  let key: NodeCrypto.KeyObject;
  try {
    key = create();
  } catch (error) {
    throw new SigningError({ path, code: 'invalid_key', message: notPem }, { cause: error });
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw new SigningError({ path, code: 'invalid_key', message: wrongType(key.asymmetricKeyType ?? 'unknown') });
  return key;
}

/** A PEM block of a private key of any kind: `PRIVATE KEY`, `ENCRYPTED PRIVATE KEY`, `RSA PRIVATE KEY`, `EC PRIVATE KEY`… */
const PRIVATE_KEY_PEM = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/;

/** Why a private key is refused where a public key is expected; says nothing of the key itself. */
export const PRIVATE_KEY_AS_PUBLIC =
  'This is a private key, not a public key: give the public key (the .pub file from keygen). Verifiers never ' +
  'need the private key; keep it with whoever signs, and replace it if it was shared.';

/**
 * An Ed25519 public key from PEM text (the argument at `path`). Throws `SigningError` (`invalid_key`) for anything
 * else, a private key included: `node:crypto` would derive the public key from it, which invites handing private
 * keys to verifiers.
 */
export function publicKeyObject(crypto: typeof NodeCrypto, pem: string, path: IssuePath): NodeCrypto.KeyObject {
  if (isPrivateKey(crypto, pem)) throw new SigningError({ path, code: 'invalid_key', message: PRIVATE_KEY_AS_PUBLIC });
  return readEd25519Key(
    () => crypto.createPublicKey(pem),
    path,
    'Not a PEM-encoded public key.',
    (type) => `An ${type} key, not Ed25519.`,
  );
}

/** The key id of a public key: the first 16 hex digits of the sha256 of its SPKI DER encoding. */
export function keyIdOf(key: NodeCrypto.KeyObject): string {
  return bytesToHex(sha256(new Uint8Array(key.export({ type: 'spki', format: 'der' })))).slice(0, 16);
}

/** Whether the text holds a PEM block of a private key of any kind (no `node:crypto` needed to tell). */
export function isPrivateKeyPem(pem: string): boolean {
  return typeof pem === 'string' && PRIVATE_KEY_PEM.test(pem);
}

/** Whether the text holds a private key: a PEM block of one, or anything `createPrivateKey` reads. */
function isPrivateKey(crypto: typeof NodeCrypto, pem: string): boolean {
  if (isPrivateKeyPem(pem)) return true;
  try {
    crypto.createPrivateKey(pem);
    return true;
  } catch {
    return false;
  }
}
