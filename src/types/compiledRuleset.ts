import type { Issue } from '../errors/issue';
import type { RulesetReference } from './assessment';
import type { RulesetDocument, ValidityWindow } from './ruleset';

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
  /**
   * The overlays composed into this ruleset, in order: as an assessment names them (`Assessment.ruleset.overlays`),
   * id, version and sha256 only, so a reference built from them is the one assessments carry.
   */
  readonly overlays: RulesetReference['overlays'];
  /**
   * Whose exporters each overlay in `overlays` concerns (same order): its member states (`appliesTo`), which every rule
   * of the overlay is limited to. Kept apart from `overlays`, whose entries are those an assessment records and
   * replays, so that neither an assessment nor a reference built from `overlays` changes shape. A report uses it to
   * name only the overlays that concern the exporter.
   */
  readonly overlayScopes: readonly OverlayScope[];
  /** The composed document (base with overlays merged), deeply frozen. */
  readonly document: RulesetDocument;
  /**
   * Lint findings: valid, but probably not what the author meant (a rule that can never decide, an outcome nothing
   * produces, a fact, catalogue or catalogue entry nothing uses). Never thrown; `dual-use-rules validate` shows them.
   */
  readonly warnings: readonly Issue[];
}

/** An overlay composed into a compiled ruleset, with the member states whose exporters it concerns. */
export interface OverlayScope {
  readonly id: string;
  readonly version: string;
  /** sha256 of the overlay document's canonical JSON, as `Assessment.ruleset.overlays` records it. */
  readonly sha256: string;
  /**
   * The member states whose exporters the overlay concerns, from its `appliesTo`: the competent member state (the
   * base's `authority.memberStateFact`) is one of them, or none of its rules can hold. Absent: the overlay names none,
   * which it may only when it adds no rules and no attributes, and then it concerns every exporter.
   */
  readonly appliesTo?: { readonly memberStates: readonly string[] };
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
