import { keyIdOf, requireCrypto } from './integrity/keys';
import type { SigningKeyPair } from './types/signature';

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
  return {
    publicKey: publicPem,
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    keyId: keyIdOf(publicKey),
  };
}
