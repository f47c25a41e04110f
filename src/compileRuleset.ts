import { buildProgram } from './compile/buildProgram';
import { checkSemantics } from './compile/checks';
import { composeOverlays } from './compile/composeOverlays';
import { registerInternals } from './evaluate/rulesetInternals';
import { createRulesetContext } from './compile/rulesetContext';
import { readDocument, scanDocument, type ReadDocument } from './document/scanDocument';
import { validateSchema } from './compile/validateSchema';
import { RulesetError } from './errors/RulesetError';
import type { Issue } from './errors/issue';
import { compileEvaluator } from './evaluate/compileEvaluator';
import { createEngineEvaluator } from './evaluate/engineEvaluator';
import { inputPaths } from './evaluate/prepareFacts';
import { createTransactionReader } from './evaluate/readTransaction';
import { canonicalSha256 } from './document/canonicalJson';
import { verifySignatures } from './integrity/signatures';
import { lintProgram } from './compile/lint/lintProgram';
import type { RulesetReference } from './types/assessment';
import type { Program } from './model/program';
import { CATALOGUE_FIELDS, createTransactionSchema, type CatalogueField, type CatalogueIds } from './transaction/transactionSchema';
import type { RulesetDocument, ValidityWindow } from './types/ruleset';

/**
 * A validated, compiled ruleset: immutable, and reusable across any number of concurrent `assess` calls.
 * Obtain one from `compileRuleset` or `loadRuleset`; the evaluation structures behind it are not exposed.
 */
export interface CompiledRuleset {
  readonly id: string;
  /** The base ruleset's encoding version. */
  readonly version: string;
  readonly title: string;
  /** Legal time in which this ruleset (with its overlays) states the law. */
  readonly validity: ValidityWindow;
  /** sha256 of the base document's canonical JSON. */
  readonly sha256: string;
  /** The overlays composed into this ruleset, in order. */
  readonly overlays: RulesetReference['overlays'];
  /** The composed document (base with overlays merged), deeply frozen. */
  readonly document: RulesetDocument;
  /**
   * Lint findings: valid, but probably not what the author meant (a rule that can never decide, an outcome nothing
   * produces, a fact, catalogue or catalogue entry nothing uses). Never thrown; `dual-use-rules validate` shows them.
   */
  readonly warnings: readonly Issue[];
}

/** Options for `compileRuleset`. */
export interface CompileOptions {
  /** National overlay documents to add to the base ruleset, in order. */
  readonly overlays?: readonly unknown[];
  /**
   * Ed25519 public keys (PEM) of those allowed to approve rulesets. When this option is present, even empty, every
   * document (the base and each overlay) must carry a valid signature by one of them in `signatures`, or nothing compiles.
   */
  readonly publicKeys?: readonly string[];
  /** Detached signatures (the parsed `.sig` files from `signRuleset` or `dual-use-rules sign`), matched to documents by content. */
  readonly signatures?: readonly unknown[];
}

/**
 * Validates a ruleset document (JSON Schema, then semantic checks) and compiles it, with any overlays, for evaluation.
 * Every problem is collected before anything is thrown.
 *
 * @param input - A base ruleset document, as parsed from JSON. Treated as untrusted data.
 * @param options - Overlays to compose into it; public keys and signatures when rulesets must be signed.
 * @returns The compiled ruleset, frozen.
 * @throws {RulesetError} listing every issue with its path; issues in an overlay have paths starting `['overlays', index]`.
 * With `publicKeys`, an unsigned, altered or untrusted document is such an issue (`unsigned_ruleset`, `ruleset_modified`,
 * `invalid_signature`, `untrusted_signature`).
 *
 * @example
 * import { readFileSync } from 'node:fs';
 * import { assess, compileRuleset } from 'dual-use-rules';
 *
 * const ruleset = compileRuleset(JSON.parse(readFileSync('my-ruleset.json', 'utf8')));
 * const assessment = await assess(transaction, { ruleset });
 * ruleset.warnings; // lint findings, e.g. [{ path: ['rules', 3], code: 'unreachable_rule', message: '…' }]
 *
 * // Only a ruleset signed by an approver (its detached signature in my-ruleset.json.sig):
 * const signed = compileRuleset(JSON.parse(readFileSync('my-ruleset.json', 'utf8')), {
 *   publicKeys: [readFileSync('compliance.pub', 'utf8')],
 *   signatures: [JSON.parse(readFileSync('my-ruleset.json.sig', 'utf8'))],
 * });
 */
export function compileRuleset(input: unknown, options: CompileOptions = {}): CompiledRuleset {
  // Private copies of what is safe to read, so what is verified and checked is exactly what is compiled.
  const read = readDocument(input);
  const overlayReads = (options.overlays ?? []).map((overlay) => readDocument(overlay));
  const document = privateCopy(read, input);
  const overlays = overlayReads.map((overlayRead, index) => privateCopy(overlayRead, options.overlays?.[index]));
  const issues: Issue[] = [...validateReadDocument(read, 'base')];
  overlayReads.forEach((overlayRead, index) => {
    for (const issue of validateReadDocument(overlayRead, 'overlay')) issues.push({ ...issue, path: ['overlays', index, ...issue.path] });
  });
  if (options.publicKeys !== undefined) issues.push(...verifyCompositionSignatures(document, overlays, options.publicKeys, options.signatures ?? []));
  // Read from the scan's copy, which holds plain data only: the input itself may hide a getter or a proxy trap.
  const readableId = typeof (read.copy as { id?: unknown } | null)?.id === 'string' ? (read.copy as { id: string }).id : undefined;
  if (issues.length > 0) throw new RulesetError(issues, readableId);

  const base = document as RulesetDocument;
  const overlayDocuments = overlays as readonly RulesetDocument[];
  const composition = composeOverlays(base, overlayDocuments);
  issues.push(...composition.issues);
  for (const issue of checkSemantics(createRulesetContext(composition.document))) issues.push({ ...issue, path: composition.locate(issue.path) });
  if (issues.length > 0) throw new RulesetError(issues, base.id);

  // Frozen in place: the composition is built from the private copies above, which nothing outside can reach.
  const frozen = deepFreeze(composition.document);
  const program = buildProgram(frozen);
  const reference: RulesetReference = Object.freeze({
    id: base.id,
    version: base.version,
    sha256: canonicalSha256(base),
    overlays: Object.freeze(overlayDocuments.map((overlay) => Object.freeze({ id: overlay.id, version: overlay.version, sha256: canonicalSha256(overlay) }))),
  });
  // Lint is advice nobody may ask for, and its reachability search costs more than compiling: computed on first read.
  const warnings = once(() => deepFreeze(lintProgram(frozen, program).map((issue) => ({ ...issue, path: composition.locate(issue.path) }))));
  const compiled: CompiledRuleset = Object.freeze({
    id: base.id,
    version: base.version,
    title: base.title,
    validity: frozen.validity,
    sha256: reference.sha256,
    overlays: reference.overlays,
    document: frozen,
    get warnings() {
      return warnings();
    },
  });
  const transactionSchema = once(() => createTransactionSchema(catalogueIds(program, frozen)));
  const transactionReader = once(() => createTransactionReader(transactionSchema(), inputPaths(program)));
  registerInternals(compiled, {
    program,
    reference,
    evaluateWithEngine: createEngineEvaluator(program),
    evaluateCompiled: compileEvaluator(program),
    transactionSchema,
    readTransaction: (input) => transactionReader()(input),
  });
  return compiled;
}

function privateCopy(read: ReadDocument, input: unknown): unknown {
  return read.issues.length === 0 ? read.copy : input;
}

/** Shape checks that need nothing but the document itself: safe-to-read JSON, the schema, and the expected kind. */
export function validateRulesetDocument(document: unknown, kind: 'base' | 'overlay'): Issue[] {
  return validateReadDocument(readDocument(document), kind);
}

/** `validateRulesetDocument` of a document already read: the scan's issues, or those of its plain copy. */
function validateReadDocument(read: ReadDocument, kind: 'base' | 'overlay'): Issue[] {
  if (read.issues.length > 0) return read.issues;
  const schemaIssues = validateSchema(read.copy);
  if (schemaIssues.length > 0) return schemaIssues;
  const actual = (read.copy as RulesetDocument).kind;
  return actual === kind ? [] : [{ path: ['kind'], code: 'wrong_kind', message: `Expected a ${kind} ruleset here, not ${actual === 'base' ? 'a base ruleset' : 'an overlay'}.` }];
}

/** Signature checks for the base and each overlay; documents that are not safe to read are left to the scan's issues. */
function verifyCompositionSignatures(document: unknown, overlays: readonly unknown[], publicKeys: readonly string[], signatures: readonly unknown[]): Issue[] {
  const documents = [{ document, path: [] }, ...overlays.map((overlay, index) => ({ document: overlay, path: ['overlays', index] }))];
  return verifySignatures(documents.filter((entry) => scanDocument(entry.document).length === 0), signatures, publicKeys);
}

/** The ids each catalogue-bound transaction field may hold under this ruleset. */
function catalogueIds(program: Program, document: RulesetDocument): CatalogueIds {
  const ids: Partial<Record<CatalogueField, readonly [string, ...string[]]>> = {};
  for (const field of CATALOGUE_FIELDS) {
    const catalogue = document.facts?.[field]?.answers?.catalogue;
    const entries = catalogue === undefined ? undefined : program.catalogues.get(catalogue);
    if (entries !== undefined && entries.size > 0) ids[field] = [...entries.keys()] as [string, ...string[]];
  }
  return ids;
}

function once<T>(create: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= create());
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
