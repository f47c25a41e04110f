import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { nodeCrypto } from './nodeCrypto';

/**
 * The canonical JSON text of a value: object keys sorted by UTF-16 code units, no whitespace, numbers and strings as
 * `JSON.stringify` writes them (the JSON Canonicalization Scheme, RFC 8785, for the data rulesets hold).
 * A ruleset's top-level `$schema` is an editor hint, not content, and is left out.
 */
export function canonicalJson(value: unknown): string {
  // One string appended to in a single walk: building a string per value and joining them cost more than hashing.
  let text = '';
  const write = (item: unknown, root: boolean): void => {
    if (item === null || typeof item !== 'object') {
      text += JSON.stringify(item) ?? 'null';
      return;
    }
    if (Array.isArray(item)) {
      text += '[';
      for (let index = 0; index < item.length; index++) {
        if (index > 0) text += ',';
        write(item[index], false);
      }
      text += ']';
      return;
    }
    const record = item as Record<string, unknown>;
    text += '{';
    let first = true;
    for (const key of Object.keys(record).sort()) {
      const entry = record[key];
      if (entry === undefined || (root && key === '$schema')) continue;
      if (!first) text += ',';
      first = false;
      text += JSON.stringify(key);
      text += ':';
      write(entry, false);
    }
    text += '}';
  };
  write(value, true);
  return text;
}

/** Hex sha256 of a value's canonical JSON: the same for any key order or whitespace of the same document. */
export function canonicalSha256(value: unknown): string {
  const text = canonicalJson(value);
  // Node's native hash where there is one (the JS hash was about 30 ms of a first compileRuleset); browsers use the JS one.
  const crypto = nodeCrypto();
  return crypto === undefined
    ? bytesToHex(sha256(utf8ToBytes(text)))
    : crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}
