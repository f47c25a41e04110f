import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { canonicalJson } from '../document/canonicalJson';
import { NODE_CRYPTO_UNAVAILABLE, nodeCrypto } from '../document/nodeCrypto';
import type { Issue, IssuePath } from '../errors/issue';
import type { RulesetSignature } from '../types/signature';
import { keyIdOf, publicKeyObject } from './keys';
import {
  describeDocument,
  metadataOf,
  readableString,
  signatureShapeProblem,
  signedMessage,
  signedMetadataMessage,
} from './signatureFormat';

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
export function verifySignatures(
  documents: readonly SignedDocument[],
  signatures: readonly unknown[],
  publicKeys: readonly string[],
): Issue[] {
  return verifyDocumentSignatures(documents, signatures, publicKeys).issues;
}

/** What verification found: the issues (none when every document passes), and each document's valid signatures. */
export interface Verification {
  readonly issues: Issue[];
  /** For each document, in order: the signatures that verify it with a configured key. */
  readonly valid: readonly (readonly RulesetSignature[])[];
}

/** `verifySignatures`, also returning which signatures verified each document (a registry reads their `replaces`). */
export function verifyDocumentSignatures(
  documents: readonly SignedDocument[],
  signatures: readonly unknown[],
  publicKeys: readonly string[],
): Verification {
  const none = documents.map(() => []);
  const crypto = nodeCrypto();
  if (crypto === undefined)
    return {
      issues: [
        {
          path: [],
          code: 'signature_unverifiable',
          message: `${NODE_CRYPTO_UNAVAILABLE} Public keys are configured, so the ruleset cannot be accepted unverified.`,
        },
      ],
      valid: none,
    };
  const issues: Issue[] = [];
  const keys = new Map<string, ReturnType<typeof crypto.createPublicKey>>();
  publicKeys.forEach((pem, index) => {
    try {
      const key = publicKeyObject(crypto, pem, ['publicKeys', index]);
      keys.set(keyIdOf(key), key);
    } catch (error) {
      issues.push({
        path: [],
        code: 'invalid_public_key',
        index,
        message: `publicKeys[${index}]: ${(error as Error).message}`,
      });
    }
  });
  if (issues.length > 0) return { issues, valid: none };
  if (keys.size === 0)
    return {
      issues: [
        {
          path: [],
          code: 'no_public_keys',
          message:
            'publicKeys is empty, so no signature can be verified; configure at least one key (or leave the ' +
            'option out to compile without verification).',
        },
      ],
      valid: none,
    };

  const wellFormed = signatures.filter((signature, index) => {
    const problem = signatureShapeProblem(signature);
    if (problem !== undefined)
      issues.push({
        path: [],
        code: 'malformed_signature',
        index,
        message: `signatures[${index}] is not a dual-use-rules ruleset signature: ${problem}.`,
      });
    return problem === undefined;
  }) as RulesetSignature[];
  const valid: RulesetSignature[][] = [];
  for (const { document, path } of documents) {
    const verified: RulesetSignature[] = [];
    valid.push(verified);
    const canonical = canonicalJson(document);
    const digest = bytesToHex(sha256(utf8ToBytes(canonical)));
    const name = describeDocument(document);
    const mine = wellFormed.filter((signature) => signature.ruleset.sha256 === digest);
    if (mine.length === 0) {
      const stale = wellFormed.find((signature) => signature.ruleset.id === readableString(document, 'id'));
      issues.push(
        stale === undefined
          ? {
              path,
              code: 'unsigned_ruleset',
              message:
                `${name} has no signature, and public keys are configured: every ruleset document must be ` +
                `signed by one of them.`,
            }
          : {
              path,
              code: 'ruleset_modified',
              signed: stale.ruleset.sha256,
              actual: digest,
              message:
                `${name} has changed since it was signed: the signature covers ${stale.ruleset.id} ` +
                `${stale.ruleset.version} with sha256 ${stale.ruleset.sha256}, the document's sha256 is ` +
                `${digest}.`,
            },
      );
      continue;
    }
    const verdicts = mine.map((signature) => {
      const key = keys.get(signature.keyId);
      if (key === undefined)
        return {
          kind: 'untrusted',
          keyId: signature.keyId,
          text:
            `signed with key ${signature.keyId}, which is not among the configured keys ` +
            `(${[...keys.keys()].join(', ')})`,
        } as const;
      const disagreement = metadataDisagreement(signature, document);
      if (disagreement !== undefined)
        return {
          kind: 'mismatch',
          keyId: signature.keyId,
          text: `the signature by key ${signature.keyId} ${disagreement}`,
        } as const;
      // Format 2 signs the metadata (which holds the document's sha256, checked above); format 1 the document itself.
      const message = signature.format === 2 ? signedMetadataMessage(metadataOf(signature)) : signedMessage(canonical);
      if (!crypto.verify(null, message, key, Buffer.from(signature.signature, 'base64')))
        return {
          kind: 'mismatch',
          keyId: signature.keyId,
          text: `the signature by key ${signature.keyId} does not match the document`,
        } as const;
      verified.push(signature);
      return { kind: 'valid', keyId: signature.keyId, text: '' } as const;
    });
    const mismatched = verdicts.filter((verdict) => verdict.kind === 'mismatch');
    if (mismatched.length > 0) {
      issues.push({
        path,
        code: 'invalid_signature',
        keyIds: mismatched.map((verdict) => verdict.keyId),
        message:
          `${name}: ${mismatched.map((verdict) => verdict.text).join('; ')}. The document or its ` +
          `signature has been altered.`,
      });
    } else if (!verdicts.some((verdict) => verdict.kind === 'valid')) {
      issues.push({
        path,
        code: 'untrusted_signature',
        keyIds: verdicts.map((verdict) => verdict.keyId),
        message: `${name} is ${verdicts.map((verdict) => verdict.text).join('; ')}.`,
      });
    }
  }
  return { issues, valid };
}

/**
 * Why a format-2 signature's metadata does not describe the document it is matched to (by sha256): another id, version
 * or validity. `undefined` when it does, or for format 1, which signs the document itself.
 */
function metadataDisagreement(signature: RulesetSignature, document: unknown): string | undefined {
  if (signature.format !== 2) return undefined;
  const { id, version, validity } = signature.ruleset;
  if (id !== readableString(document, 'id') || version !== readableString(document, 'version'))
    return `names ${id} ${version}, not the document's id and version`;
  if (canonicalJson(validity) !== canonicalJson((document as { validity?: unknown }).validity ?? null))
    return "names another validity window than the document's";
  return undefined;
}
