import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { canonicalJson } from './document/canonicalJson';
import { readDocument } from './document/scanDocument';
import { RulesetError } from './errors/RulesetError';
import { keyIdOf, readEd25519Key, requireCrypto } from './integrity/keys';
import { readableString, signedMessage } from './integrity/signatureFormat';
import type { RulesetSignature } from './types/signature';

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
  // What is signed is the scan's private copy: what was checked, whatever a getter or proxy of the original does.
  const read = readDocument(document);
  if (read.issues.length > 0) throw new RulesetError(read.issues, readableString(read.copy, 'id'));
  const copy = read.copy;
  const crypto = requireCrypto();
  const key = readEd25519Key(
    () => crypto.createPrivateKey(privateKey),
    ['privateKey'],
    'The private key is not a PEM-encoded private key.',
    (type) => `The private key is an ${type} key, not Ed25519.`,
  );
  const canonical = canonicalJson(copy);
  return {
    algorithm: 'Ed25519',
    keyId: keyIdOf(crypto.createPublicKey(key)),
    ruleset: {
      id: readableString(copy, 'id') ?? '',
      version: readableString(copy, 'version') ?? '',
      sha256: bytesToHex(sha256(utf8ToBytes(canonical))),
    },
    signature: crypto.sign(null, signedMessage(canonical), key).toString('base64'),
  };
}
