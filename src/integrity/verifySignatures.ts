import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { canonicalJson } from '../document/canonicalJson';
import { NODE_CRYPTO_UNAVAILABLE, nodeCrypto } from '../document/nodeCrypto';
import type { Issue, IssuePath } from '../errors/issue';
import type { RulesetSignature } from '../types/signature';
import { keyIdOf, publicKeyObject } from './keys';
import { describeDocument, readableString, signatureShapeProblem, signedMessage } from './signatureFormat';

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
  const crypto = nodeCrypto();
  if (crypto === undefined)
    return [
      {
        path: [],
        code: 'signature_unverifiable',
        message: `${NODE_CRYPTO_UNAVAILABLE} Public keys are configured, so the ruleset cannot be accepted unverified.`,
      },
    ];
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
  if (issues.length > 0) return issues;
  if (keys.size === 0)
    return [
      {
        path: [],
        code: 'no_public_keys',
        message:
          'publicKeys is empty, so no signature can be verified; configure at least one key (or leave the ' +
          'option out to compile without verification).',
      },
    ];

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
  for (const { document, path } of documents) {
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
    const message = signedMessage(canonical);
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
      return crypto.verify(null, message, key, Buffer.from(signature.signature, 'base64'))
        ? ({ kind: 'valid', keyId: signature.keyId, text: '' } as const)
        : ({
            kind: 'mismatch',
            keyId: signature.keyId,
            text: `the signature by key ${signature.keyId} does not match the document`,
          } as const);
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
  return issues;
}
