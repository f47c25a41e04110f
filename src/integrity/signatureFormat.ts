import { utf8ToBytes } from '@noble/hashes/utils';
import { canonicalJson } from '../document/canonicalJson';
import { plainDataIssues } from '../document/plainData';
import { describeValue } from '../errors/describeValue';
import type { RulesetSignature } from '../types/signature';

/**
 * Domain separation: a signature made for a ruleset can never be passed off as a signature of anything else, nor one
 * format's signature as the other's.
 */
const CONTEXT_V1 = 'dual-use-rules:ruleset-signature:v1\n';
const CONTEXT_V2 = 'dual-use-rules:ruleset-signature:v2\n';

/** What a format-2 signature signs: the document's identity and the registry metadata that goes with it. */
export interface SignedMetadata {
  readonly id: string;
  readonly version: string;
  readonly sha256: string;
  readonly validity: { readonly from: string; readonly to: string | null };
  /** Sorted, without repeats. */
  readonly replaces: readonly string[];
}

/** The bytes a format-1 signature signs: the context, then the document's canonical JSON. */
export function signedMessage(canonical: string): Uint8Array {
  return utf8ToBytes(CONTEXT_V1 + canonical);
}

/** The bytes a format-2 signature signs: the context, then the canonical JSON of the metadata. */
export function signedMetadataMessage(metadata: SignedMetadata): Uint8Array {
  return utf8ToBytes(CONTEXT_V2 + canonicalJson(metadata));
}

/** The metadata a format-2 signature signs, as it holds it. */
export function metadataOf(signature: RulesetSignature): SignedMetadata {
  const { id, version, sha256, validity, replaces } = signature.ruleset;
  return { id, version, sha256, validity: validity ?? { from: '', to: null }, replaces: replaces ?? [] };
}

/** `replaces` as signed: sorted, without repeats. */
export function normalReplaces(replaces: readonly string[]): string[] {
  return [...new Set(replaces)].sort();
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const VERSION = /^(0|[1-9][0-9]{0,5})\.(0|[1-9][0-9]{0,5})\.(0|[1-9][0-9]{0,5})$/;

/**
 * What is wrong with a value as a signature, or `undefined` when it has the right shape (format 1 or 2). A value that
 * is not plain JSON data (a getter, a proxy, a cycle) is refused before any of its fields is read.
 */
export function signatureShapeProblem(value: unknown): string | undefined {
  if (plainDataIssues(value).length > 0) return 'it is not plain JSON data';
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'expected a JSON object';
  const record = value as Record<string, unknown>;
  const format = record['format'];
  if (format !== undefined && format !== 2)
    return `format ${describeValue(format)} is not one this version of dual-use-rules reads (format 2, or none)`;
  if (record['algorithm'] !== 'Ed25519') return 'algorithm must be "Ed25519"';
  if (typeof record['keyId'] !== 'string' || !/^[0-9a-f]{16}$/.test(record['keyId']))
    return 'keyId must be 16 hex digits';
  if (typeof record['signature'] !== 'string' || !/^[A-Za-z0-9+/]{86}==$/.test(record['signature']))
    return 'signature must be a base64 Ed25519 signature';
  const ruleset = record['ruleset'] as Record<string, unknown> | undefined;
  if (typeof ruleset !== 'object' || ruleset === null) return 'ruleset must name the signed document';
  if (typeof ruleset['sha256'] !== 'string' || !/^[0-9a-f]{64}$/.test(ruleset['sha256']))
    return 'ruleset.sha256 must be 64 hex digits';
  if (typeof ruleset['id'] !== 'string' || typeof ruleset['version'] !== 'string')
    return 'ruleset.id and ruleset.version must be strings';
  if (format === 2) {
    const validity = ruleset['validity'] as Record<string, unknown> | undefined;
    if (
      typeof validity !== 'object' ||
      validity === null ||
      typeof validity['from'] !== 'string' ||
      !DATE.test(validity['from']) ||
      !(validity['to'] === null || (typeof validity['to'] === 'string' && DATE.test(validity['to'])))
    )
      return 'ruleset.validity must be { from, to } with dates written YYYY-MM-DD (to may be null)';
    const replaces = ruleset['replaces'];
    if (!Array.isArray(replaces) || !replaces.every((version) => typeof version === 'string' && VERSION.test(version)))
      return 'ruleset.replaces must be a list of versions such as "2.1.0"';
  }
  return undefined;
}

/** "The ruleset "id" version", or "The ruleset document" when it has no readable id. */
export function describeDocument(document: unknown): string {
  const id = readableString(document, 'id');
  const version = readableString(document, 'version');
  return id === undefined ? 'The ruleset document' : `The ruleset "${id}"${version === undefined ? '' : ` ${version}`}`;
}

/** A string property of an unvalidated document, or `undefined`. */
export function readableString(document: unknown, key: string): string | undefined {
  const value =
    typeof document === 'object' && document !== null ? (document as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? value : undefined;
}
