import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { nodeCrypto } from './nodeCrypto';

/**
 * The canonical JSON text of a value: object keys sorted by UTF-16 code units, no whitespace, numbers and strings as
 * `JSON.stringify` writes them (the JSON Canonicalization Scheme, RFC 8785, for the data rulesets hold).
 * A ruleset's top-level `$schema` is an editor hint, not content, and is left out.
 */
export function canonicalJson(value: unknown): string {
  return serialise(value, true);
}

function serialise(value: unknown, root: boolean): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => serialise(item, false)).join(',')}]`;
  const keys = Object.keys(value)
    .filter((key) => !(root && key === '$schema') && (value as Record<string, unknown>)[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${serialise((value as Record<string, unknown>)[key], false)}`).join(',')}}`;
}

/** Hex sha256 of a value's canonical JSON: the same for any key order or whitespace of the same document. */
export function canonicalSha256(value: unknown): string {
  const text = canonicalJson(value);
  // Node's native hash where there is one (the JS hash was about 30 ms of a first compileRuleset); browsers use the JS one.
  const crypto = nodeCrypto();
  return crypto === undefined ? bytesToHex(sha256(utf8ToBytes(text))) : crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}
