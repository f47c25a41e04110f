import { utf8ToBytes } from '@noble/hashes/utils';
import { plainDataIssues } from '../document/plainData';

/** Domain separation: a signature made for a ruleset can never be passed off as a signature of anything else. */
const CONTEXT = 'dual-use-rules:ruleset-signature:v1\n';

/** The bytes a signature signs: the context, then the document's canonical JSON. */
export function signedMessage(canonical: string): Uint8Array {
  return utf8ToBytes(CONTEXT + canonical);
}

/**
 * What is wrong with a value as a signature, or `undefined` when it has the right shape. A value that is not plain
 * JSON data (a getter, a proxy, a cycle) is refused before any of its fields is read.
 */
export function signatureShapeProblem(value: unknown): string | undefined {
  if (plainDataIssues(value).length > 0) return 'it is not plain JSON data';
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'expected a JSON object';
  const record = value as Record<string, unknown>;
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
