import { validateRulesetDocument } from '../compile/validateDocument';
import { canonicalSha256 } from '../document/canonicalJson';
import { deepFreeze } from '../document/deepFreeze';
import { readDocument } from '../document/scanDocument';
import type { Issue } from '../errors/issue';
import { RulesetError } from '../errors/RulesetError';
import { normalReplaces } from '../integrity/signatureFormat';
import { verifyDocumentSignatures } from '../integrity/verifySignatures';
import type { RegisterOptions, RulesetSummary } from '../types/registry';
import type { RulesetDocument } from '../types/ruleset';
import { compose } from './compose';
import { basesOf, summarise, type Entry } from './entries';
import { replace, replacementIssues } from './replacements';
import { overlaps } from './windows';

/**
 * `RulesetRegistry.register` over a registry's entries: a private copy of the document, checked on its own (and its
 * signature), then against what is registered (version, kind, `replaces`, windows), then compiled with what it can be
 * composed with; only then added, and the versions it replaces stop being selectable.
 */
export function registerDocument(
  entries: Entry[],
  document: unknown,
  options: RegisterOptions,
  publicKeys: readonly string[] | undefined,
): RulesetSummary {
  const { copy, replaces } = verifiedCopy(document, options, publicKeys);
  const sha256 = canonicalSha256(copy);
  const same = entries.find((entry) => entry.document.id === copy.id && entry.document.version === copy.version);
  if (same !== undefined) {
    if (same.sha256 === sha256) return summarise(same);
    throw new RulesetError(
      [
        {
          path: ['version'],
          code: 'duplicate_version',
          registered: same.sha256,
          version: copy.version,
          message:
            `Version ${copy.version} of "${copy.id}" is already registered with different content ` +
            `(sha256 ${same.sha256}); give the revision a new version.`,
        },
      ],
      copy.id,
    );
  }
  const clash = entries.find((entry) => entry.document.id === copy.id && entry.document.kind !== copy.kind);
  if (clash !== undefined)
    throw new RulesetError(
      [
        {
          path: ['kind'],
          code: 'kind_mismatch',
          registeredAs: clash.document.kind,
          message:
            `"${copy.id}" is already registered as ` +
            `${clash.document.kind === 'base' ? 'a base ruleset' : 'an overlay'}.`,
        },
      ],
      copy.id,
    );
  const entry: Entry = {
    document: copy,
    sha256,
    replaces: Object.freeze([...replaces]),
    replacedBy: undefined,
  };
  const issues: Issue[] = replacementIssues(entries, copy, entry.replaces);
  if (issues.length > 0) throw new RulesetError(issues, copy.id);
  // Semantic validation: a base alone, an overlay with every registered base version it can be composed with.
  if (copy.kind === 'base') compose(entry, []);
  else
    for (const base of basesOf(entries, copy.extends ?? '').filter((candidate) =>
      overlaps(candidate.document.validity, copy.validity),
    ))
      compose(base, [entry]);
  entries.push(replace(entries, entry));
  return summarise(entry);
}

/**
 * A frozen private copy of the document, safe to read, valid against the schema, and signed when keys are configured;
 * with the versions it replaces. With keys, `replaces` is what a (format 2) signature covers: the option may be left
 * out, and may not differ. Signatures of format 1 (0.1.0) cover no `replaces`: the option is taken as given, and the
 * rollback checks still hold.
 */
function verifiedCopy(
  document: unknown,
  options: RegisterOptions,
  publicKeys: readonly string[] | undefined,
): { readonly copy: RulesetDocument; readonly replaces: readonly string[] } {
  const read = readDocument(document);
  if (read.issues.length > 0) throw new RulesetError(read.issues, idOf(read.copy));
  // Everything after this reads the private copy the scan made, so what was verified is what is used.
  const copy = deepFreeze(read.copy) as RulesetDocument;
  const issues: Issue[] = [...validateRulesetDocument(copy, kindOf(copy))];
  let replaces = options.replaces ?? [];
  if (issues.length === 0 && publicKeys !== undefined) {
    const verification = verifyDocumentSignatures([{ document: copy, path: [] }], options.signatures ?? [], publicKeys);
    issues.push(...verification.issues);
    const signed = (verification.valid[0] ?? []).filter((signature) => signature.format === 2);
    if (signed.length > 0) {
      const covered = signed.map((signature) => normalReplaces(signature.ruleset.replaces ?? []));
      const asked = options.replaces === undefined ? undefined : normalReplaces(options.replaces);
      const match = asked === undefined ? covered[0] : covered.find((list) => list.join() === asked.join());
      if (match === undefined)
        issues.push({
          path: [],
          code: 'replaces_not_signed',
          message:
            `replaces [${(asked ?? []).join(', ')}] is not what the signature covers ` +
            `([${covered.map((list) => list.join(', ')).join('] or [')}]): sign the document again with the ` +
            'versions it replaces (dual-use-rules sign --replaces), or leave replaces out to use the signed ones.',
        });
      else replaces = match;
    }
  }
  if (issues.length > 0) throw new RulesetError(issues, idOf(copy));
  return { copy, replaces };
}

function kindOf(document: unknown): 'base' | 'overlay' {
  return typeof document === 'object' && document !== null && (document as { kind?: unknown }).kind === 'overlay'
    ? 'overlay'
    : 'base';
}

function idOf(document: unknown): string | undefined {
  const id = typeof document === 'object' && document !== null ? (document as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}
