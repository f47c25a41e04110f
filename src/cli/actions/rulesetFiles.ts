import { existsSync } from 'node:fs';
import { delimiter } from 'node:path';
import { compileRuleset } from '../../compileRuleset';
import { canonicalSha256 } from '../../document/canonicalJson';
import { scanDocument } from '../../document/scanDocument';
import { SigningError } from '../../errors/SigningError';
import { fileProblem, restated, UsageError } from '../../errors/UsageError';
import { readableString } from '../../integrity/signatureFormat';
import { verifySignatures } from '../../integrity/verifySignatures';
import { loadRuleset } from '../../loadRuleset';
import { parseRulesetSignature } from '../../parseRulesetSignature';
import { bundledDocuments, DEFAULT_RULESET_ID } from '../../rulesets/bundled';
import { signingKeyId } from '../../signingKeyId';
import type { CompiledRuleset } from '../../types/compiledRuleset';
import type { RulesetSignature } from '../../types/signature';
import { PUBLIC_KEYS_VARIABLE, type TrustFlags } from '../commands/trustOptions';
import { readJson, readRulesetJson, readText } from '../io';
import { escapeControls } from '../output/safeText';
import { printError } from '../output/sink';

/** The keys a run trusts: from `--public-key`, else from `DUAL_USE_RULES_PUBLIC_KEYS`, else none. */
export interface TrustedKeys {
  readonly pems: readonly string[];
  readonly keyIds: readonly string[];
}

/**
 * The trusted keys for this run, each file read and checked to be an Ed25519 public key (a private key is refused):
 * the `--public-key` files when given (they replace the environment's list), else those `DUAL_USE_RULES_PUBLIC_KEYS`
 * names; `undefined` when there are none.
 */
export function trustedKeys(flags: TrustFlags, env: NodeJS.ProcessEnv = process.env): TrustedKeys | undefined {
  const given = flags.publicKey ?? [];
  const listed = (env[PUBLIC_KEYS_VARIABLE] ?? '').split(delimiter).filter((file) => file !== '');
  const files = given.length > 0 ? given : listed;
  if (files.length === 0) return undefined;
  const pems = readPublicKeys(files, given.length > 0 ? undefined : PUBLIC_KEYS_VARIABLE);
  return { pems, keyIds: pems.map((pem) => signingKeyId(pem)) };
}

/**
 * PEM public keys, one per file, each checked to be an Ed25519 public key: a private key, or anything else, is a usage
 * error that names the file (and never quotes it), and where the file was named when that was the environment.
 */
export function readPublicKeys(files: readonly string[], namedIn?: string): string[] {
  const origin = namedIn === undefined ? '' : ` (named in ${namedIn})`;
  return files.map((file) => {
    let pem: string;
    try {
      pem = readText(file, `public key ${file}`);
      signingKeyId(pem);
    } catch (error) {
      if (error instanceof SigningError && error.code === 'invalid_key')
        throw fileProblem('invalid_file', file, `The public key ${file}${origin} cannot be used: ${error.message}`, {
          cause: error,
        });
      if (error instanceof UsageError && origin !== '')
        throw restated(error, `${error.message.replace(/\.$/, '')}${origin}.`);
      throw error;
    }
    return pem;
  });
}

/** Where the detached signature of a ruleset file lives: next to it, with `.sig` appended. */
export function signaturePath(file: string): string {
  return `${file}.sig`;
}

function readSignature(file: string): RulesetSignature {
  return parseRulesetSignature(readJson(file, `signature ${file}`), `signature file ${file}`);
}

/** A ruleset or overlay file as read for a command: its document, and the trusted key that signed it, if verified. */
export interface RulesetFile {
  readonly file: string;
  readonly document: unknown;
  readonly keyId?: string;
  /** The signature that verified it is of format 1 (0.1.0): it covers no `replaces`. */
  readonly formatOne?: boolean;
}

/**
 * Reads ruleset and overlay files for one command, each once: its bytes become text, then JSON, and that parsed
 * document is what is verified and what is compiled, so no change to the file between the two can slip in.
 *
 * With trusted keys (`trustedKeys`), every document must carry a valid signature by one of them, found in its
 * `<file>.sig` or among the `--signature` files: an unsigned, altered or untrusted one stops the command with a
 * `UsageError` that names the file and says why. Without keys, documents are used unverified, and one line on standard
 * error says so.
 */
export function readRulesetFiles(
  files: readonly string[],
  flags: TrustFlags,
  keys = trustedKeys(flags),
): RulesetFile[] {
  // A file named twice (diff a.json a.json) is read once too.
  const documents = new Map<string, unknown>();
  for (const file of files) if (!documents.has(file)) documents.set(file, readRulesetJson(file));
  const read = files.map((file) => ({ file, document: documents.get(file) }));
  if (keys === undefined) {
    if (read.length > 0) noticeUnverified([...documents.keys()]);
    return read;
  }
  const signatures = [
    ...files.filter((file) => existsSync(signaturePath(file))).map((file) => readSignature(signaturePath(file))),
    ...(flags.signature ?? []).map(readSignature),
  ];
  return read.map(({ file, document }) => {
    // A document that is not plain, bounded JSON is left to compileRuleset, which refuses it with its issues.
    if (scanDocument(document).length > 0) return { file, document };
    const issues = verifySignatures([{ document, path: [] }], signatures, keys.pems);
    if (issues.length > 0)
      throw fileProblem(
        'unverified_file',
        file,
        `Refusing ${file}: it is not verified. ` +
          `${issues.map((issue) => `${issue.message} [${issue.code}]`).join(' ')}`,
      );
    const sha256 = canonicalSha256(document);
    const signer = signatures.find(
      (signature) => signature.ruleset.sha256 === sha256 && keys.keyIds.includes(signature.keyId),
    );
    return {
      file,
      document,
      ...(signer === undefined ? {} : { keyId: signer.keyId, formatOne: signer.format !== 2 }),
    };
  });
}

/** The one line that says custom ruleset files are used without verification. */
function noticeUnverified(files: readonly string[]): void {
  const signed = files.filter((file) => existsSync(signaturePath(file)));
  printError(
    `${escapeControls(
      `Note: ${files.join(', ')} ${files.length === 1 ? 'was' : 'were'} not verified: no public key was given ` +
        `(--public-key FILE, or ${PUBLIC_KEYS_VARIABLE})` +
        `${signed.length === 0 ? '' : `, so ${signed.map(signaturePath).join(', ')} ${signed.length === 1 ? 'was' : 'were'} not checked`}.`,
    )}\n`,
  );
}

/**
 * Reads (once each, verified when keys are configured) and compiles a ruleset file with its overlays.
 * @throws {UsageError} for an unreadable, unsigned, altered or untrusted file; {RulesetError} for an invalid document.
 */
export function compileFiles(
  file: string,
  overlays: readonly string[],
  flags: TrustFlags,
  keys = trustedKeys(flags),
): { readonly ruleset: CompiledRuleset; readonly files: readonly RulesetFile[] } {
  const files = readRulesetFiles([file, ...overlays], flags, keys);
  return { ruleset: compileRead(files), files };
}

/** Compiles files already read: the first is the base, the rest its overlays. */
export function compileRead(files: readonly RulesetFile[]): CompiledRuleset {
  const [base, ...overlays] = files as readonly [RulesetFile, ...RulesetFile[]];
  return compileRuleset(base.document, { overlays: overlays.map((overlay) => overlay.document) });
}

/**
 * Overlay files composed onto the bundled ruleset in force on `date`, after the bundled overlays in force then (leaving
 * out a bundled overlay with the id of a given one: the file is a version of it), as `assess --overlay` without
 * `--ruleset` uses them.
 * @throws {AssessmentError} `ruleset_not_in_force` when no bundled version is in force on the date.
 */
export function composeOntoBundled(overlays: readonly RulesetFile[], date: string): CompiledRuleset {
  const inForce = loadRuleset(DEFAULT_RULESET_ID, { asOf: date });
  const given = new Set(overlays.map((overlay) => readableString(overlay.document, 'id')));
  const bundled = (id: string, version: string) =>
    bundledDocuments().find(
      (document) => readableString(document, 'id') === id && readableString(document, 'version') === version,
    );
  return compileRuleset(bundled(inForce.id, inForce.version), {
    overlays: [
      ...inForce.overlays.filter((overlay) => !given.has(overlay.id)).map(({ id, version }) => bundled(id, version)),
      ...overlays.map((overlay) => overlay.document),
    ],
  });
}
