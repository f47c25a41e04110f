import { existsSync } from 'node:fs';
import { compileRuleset } from '../../compileRuleset';
import { SigningError } from '../../errors/SigningError';
import { parseRulesetSignature } from '../../parseRulesetSignature';
import { signingKeyId } from '../../signingKeyId';
import type { CompiledRuleset } from '../../types/compiledRuleset';
import type { RulesetSignature } from '../../types/signature';
import { readJson, readText, UsageError } from '../io';

/** Where the detached signature of a ruleset file lives: next to it, with `.sig` appended. */
export function signaturePath(file: string): string {
  return `${file}.sig`;
}

/** The signatures found next to the given ruleset files (a file without one simply contributes none). */
export function readSignatures(files: readonly string[]): RulesetSignature[] {
  return files.filter((file) => existsSync(signaturePath(file))).map((file) => readSignature(signaturePath(file)));
}

export function readSignature(file: string): RulesetSignature {
  return asUsageError(() => parseRulesetSignature(readJson(file, `signature ${file}`), `signature file ${file}`));
}

/**
 * PEM public keys, one per file, each checked to be an Ed25519 public key: a private key, or anything else, is a usage
 * error that names the file (and never quotes it).
 */
export function readPublicKeys(files: readonly string[]): string[] {
  return files.map((file) => {
    const pem = readText(file);
    try {
      signingKeyId(pem);
    } catch (error) {
      if (error instanceof SigningError && error.code === 'invalid_key')
        throw new UsageError(`The public key ${file} cannot be used: ${error.message}`);
      throw error;
    }
    return pem;
  });
}

/**
 * Reads and compiles a ruleset file with its overlays; with public keys, their `.sig` files must verify.
 * @throws {RulesetError} for an invalid, unsigned or altered document.
 */
export function compileFiles(
  file: string,
  overlays: readonly string[] = [],
  publicKeyFiles?: readonly string[],
): CompiledRuleset {
  const document = readJson(file, `ruleset ${file}`);
  const overlayDocuments = overlays.map((overlay) => readJson(overlay, `overlay ${overlay}`));
  if (publicKeyFiles === undefined) return compileRuleset(document, { overlays: overlayDocuments });
  return compileRuleset(document, {
    overlays: overlayDocuments,
    publicKeys: readPublicKeys(publicKeyFiles),
    signatures: readSignatures([file, ...overlays]),
  });
}

/** Runs `action`, turning a `SigningError` (bad key, bad signature file, no node:crypto) into a usage error. */
export function asUsageError<T>(action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (error instanceof SigningError) throw new UsageError(error.message);
    throw error;
  }
}
