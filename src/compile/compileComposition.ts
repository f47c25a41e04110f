import { version } from '../../package.json';
import { canonicalSha256 } from '../document/canonicalJson';
import { deepFreeze } from '../document/deepFreeze';
import { readDocument, scanDocument, type ReadDocument } from '../document/scanDocument';
import type { Issue } from '../errors/issue';
import { readOptions } from '../errors/readArguments';
import { RulesetError } from '../errors/RulesetError';
import { createCompiledRuleset, RulesetRuntime } from '../evaluate/rulesetRuntime';
import { verifySignatures } from '../integrity/verifySignatures';
import type { Program } from '../model/program';
import { CATALOGUE_FIELDS, type CatalogueField, type CatalogueIds } from '../transaction/transactionSchema';
import type { RulesetReference } from '../types/assessment';
import type { CompiledRuleset, CompileOptions } from '../types/compiledRuleset';
import type { RulesetDocument } from '../types/ruleset';
import { buildProgram } from './buildProgram';
import { checkSemantics } from './checks';
import { checkOverlayRules } from './checks/checkOverlayRules';
import { composeOverlays } from './composeOverlays';
import { lintProgram } from './lint/lintProgram';
import { createRulesetContext } from './rulesetContext';
import { validateReadDocument } from './validateDocument';

/** `compileRuleset`'s work (see its documentation): a base document with its overlays, validated, composed and compiled. */
export function compileComposition(input: unknown, given?: unknown): CompiledRuleset {
  const options = readOptions<CompileOptions>(
    given,
    { overlays: 'list', publicKeys: 'strings', signatures: 'list' },
    (issue) => new RulesetError([issue]),
  );
  // Private copies of what is safe to read, so what is verified and checked is exactly what is compiled.
  const read = readDocument(input);
  const overlayReads = (options.overlays ?? []).map((overlay) => readDocument(overlay));
  const document = privateCopy(read, input);
  const overlays = overlayReads.map((overlayRead, index) => privateCopy(overlayRead, options.overlays?.[index]));
  const issues: Issue[] = [...validateReadDocument(read, 'base')];
  overlayReads.forEach((overlayRead, index) => {
    for (const issue of validateReadDocument(overlayRead, 'overlay'))
      issues.push({ ...issue, path: ['overlays', index, ...issue.path] });
  });
  if (options.publicKeys !== undefined)
    issues.push(...verifyCompositionSignatures(document, overlays, options.publicKeys, options.signatures ?? []));
  // Read from the scan's copy, which holds plain data only: the input itself may hide a getter or a proxy trap.
  const readableId =
    typeof (read.copy as { id?: unknown } | null)?.id === 'string' ? (read.copy as { id: string }).id : undefined;
  if (issues.length > 0) throw new RulesetError(issues, readableId);

  const base = document as RulesetDocument;
  const overlayDocuments = overlays as readonly RulesetDocument[];
  const composition = composeOverlays(base, overlayDocuments);
  issues.push(...composition.issues, ...checkOverlayRules(base, overlayDocuments));
  const context = createRulesetContext(composition.document);
  for (const issue of checkSemantics(context)) issues.push({ ...issue, path: composition.locate(issue.path) });
  if (issues.length > 0) throw new RulesetError(issues, base.id);

  // Frozen in place: the composition is built from the private copies above, which nothing outside can reach.
  const frozen = deepFreeze(composition.document);
  const program = buildProgram(frozen, context);
  const reference: RulesetReference = Object.freeze({
    id: base.id,
    version: base.version,
    sha256: canonicalSha256(base),
    overlays: Object.freeze(
      overlayDocuments.map((overlay) =>
        Object.freeze({ id: overlay.id, version: overlay.version, sha256: canonicalSha256(overlay) }),
      ),
    ),
  });
  // Lint is advice nobody may ask for, and its reachability search costs more than compiling: computed on first read.
  const warnings = once(() =>
    deepFreeze(lintProgram(frozen, program).map((issue) => ({ ...issue, path: composition.locate(issue.path) }))),
  );
  return createCompiledRuleset(
    {
      id: base.id,
      version: base.version,
      title: base.title,
      validity: frozen.validity,
      sha256: reference.sha256,
      overlays: reference.overlays,
      overlayScopes: deepFreeze(
        reference.overlays.map((entry, index) => {
          const appliesTo = overlayDocuments[index]?.appliesTo;
          return {
            ...entry,
            ...(appliesTo === undefined ? {} : { appliesTo: { memberStates: [...appliesTo.memberStates] } }),
          };
        }),
      ),
      document: frozen,
    },
    warnings,
    new RulesetRuntime(program, reference, catalogueIds(program, frozen)),
    // Frozen like the composition (which shares most of them), before any other copy of the package can read them.
    { format: 1, version, base: deepFreeze(base), overlays: deepFreeze([...overlayDocuments]) },
  );
}

function privateCopy(read: ReadDocument, input: unknown): unknown {
  return read.issues.length === 0 ? read.copy : input;
}

/** Signature checks for the base and each overlay; documents that are not safe to read are left to the scan's issues. */
function verifyCompositionSignatures(
  document: unknown,
  overlays: readonly unknown[],
  publicKeys: readonly string[],
  signatures: readonly unknown[],
): Issue[] {
  const documents = [
    { document, path: [] },
    ...overlays.map((overlay, index) => ({ document: overlay, path: ['overlays', index] })),
  ];
  return verifySignatures(
    documents.filter((entry) => scanDocument(entry.document).length === 0),
    signatures,
    publicKeys,
  );
}

/** The ids each catalogue-bound transaction field may hold under this ruleset. */
function catalogueIds(program: Program, document: RulesetDocument): CatalogueIds {
  const ids: Partial<Record<CatalogueField, readonly [string, ...string[]]>> = {};
  for (const field of CATALOGUE_FIELDS) {
    // A field of records (`findings.indicators`) is bound on the records fact (`answers.fields`).
    const [factId, recordField] = document.facts?.[field] === undefined ? field.split('.') : [field];
    const answers = document.facts?.[factId as string]?.answers;
    const catalogue = recordField === undefined ? answers?.catalogue : answers?.fields?.[recordField];
    const entries = catalogue === undefined ? undefined : program.catalogues.get(catalogue);
    if (entries !== undefined && entries.size > 0) ids[field] = [...entries.keys()] as [string, ...string[]];
  }
  return ids;
}

function once<T>(create: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= create());
}
