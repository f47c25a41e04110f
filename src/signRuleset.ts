import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { canonicalJson } from './document/canonicalJson';
import { readDocument } from './document/scanDocument';
import { describeValue } from './errors/describeValue';
import { readOptions } from './errors/readArguments';
import { RulesetError } from './errors/RulesetError';
import { SigningError } from './errors/SigningError';
import { keyIdOf, readEd25519Key, requireCrypto } from './integrity/keys';
import {
  normalReplaces,
  readableString,
  signedMetadataMessage,
  type SignedMetadata,
} from './integrity/signatureFormat';
import type { RulesetSignature, SignOptions } from './types/signature';

const VERSION = /^(0|[1-9][0-9]{0,5})\.(0|[1-9][0-9]{0,5})\.(0|[1-9][0-9]{0,5})$/;

/**
 * Signs a ruleset document (base or overlay) with an Ed25519 private key, giving a detached signature to store next
 * to it (`<document>.sig`) and pass to `compileRuleset` in `signatures` or to a registry's `register`. Validate the
 * document before signing it.
 *
 * The signature (format 2) covers the document's content (the sha256 of its canonical JSON) together with its id,
 * version, validity and the versions it `replaces`: a registry with public keys takes `replaces` from the signature,
 * so nobody can make an older signed version replace a newer one.
 *
 * @param document - The ruleset document as parsed from JSON.
 * @param privateKey - PEM-encoded PKCS #8 Ed25519 private key, e.g. from `generateSigningKeys` or `dual-use-rules keygen`.
 * @param options - `replaces`: the earlier versions of the same id it replaces in a registry.
 * @throws {RulesetError} when the document is not plain JSON data or has no validity window; {SigningError} for an
 * unusable key, a `replaces` entry that is not a version, or outside Node.js.
 *
 * @example
 * const signature = signRuleset(document, readFileSync('ruleset-signing.key', 'utf8'), { replaces: ['2.3.2'] });
 * writeFileSync('my-ruleset.json.sig', JSON.stringify(signature, null, 2));
 */
export function signRuleset(document: unknown, privateKey: string, options: SignOptions = {}): RulesetSignature {
  // What is signed is the scan's private copy: what was checked, whatever a getter or proxy of the original does.
  const read = readDocument(document);
  if (read.issues.length > 0) throw new RulesetError(read.issues, readableString(read.copy, 'id'));
  const copy = read.copy;
  const validity = validityOf(copy);
  const given = readOptions<SignOptions>(
    options,
    { replaces: 'strings' },
    (issue, cause) => new SigningError(issue, { cause }),
  );
  const replaces = normalReplaces(given.replaces ?? []);
  const notAVersion = replaces.find((version) => !VERSION.test(version));
  if (notAVersion !== undefined)
    throw new SigningError({
      path: ['options', 'replaces'],
      code: 'invalid_option',
      message: `replaces must list versions such as "2.1.0", not ${describeValue(notAVersion)}.`,
    });
  const crypto = requireCrypto();
  const key = readEd25519Key(
    () => crypto.createPrivateKey(privateKey),
    ['privateKey'],
    'The private key is not a PEM-encoded private key.',
    (type) => `The private key is an ${type} key, not Ed25519.`,
  );
  const metadata: SignedMetadata = {
    id: readableString(copy, 'id') ?? '',
    version: readableString(copy, 'version') ?? '',
    sha256: bytesToHex(sha256(utf8ToBytes(canonicalJson(copy)))),
    validity,
    replaces,
  };
  return {
    format: 2,
    algorithm: 'Ed25519',
    keyId: keyIdOf(crypto.createPublicKey(key)),
    ruleset: metadata,
    signature: crypto.sign(null, signedMetadataMessage(metadata), key).toString('base64'),
  };
}

/** The document's validity window, as signed. */
function validityOf(document: unknown): SignedMetadata['validity'] {
  // `null` is JSON too, and has no fields to read.
  const validity =
    typeof document === 'object' && document !== null
      ? (document as { validity?: { from?: unknown; to?: unknown } }).validity
      : undefined;
  if (
    typeof validity === 'object' &&
    validity !== null &&
    typeof validity.from === 'string' &&
    (validity.to === null || typeof validity.to === 'string')
  )
    return { from: validity.from, to: validity.to };
  throw new RulesetError(
    [
      {
        path: ['validity'],
        code: 'invalid_validity',
        message: 'A ruleset to sign needs a validity window { from, to }.',
      },
    ],
    readableString(document, 'id'),
  );
}
