import { keyIdOf, publicKeyObject, requireCrypto } from './integrity/keys';

/**
 * The key id of an Ed25519 public key (PEM): what a signature's `keyId` names.
 *
 * @throws {SigningError} `invalid_key` when the text is not an Ed25519 public key.
 */
export function signingKeyId(publicKey: string): string {
  return keyIdOf(publicKeyObject(requireCrypto(), publicKey, ['publicKey']));
}
