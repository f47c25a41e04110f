import type { RulesetReference } from './assessment';
import type { CompiledRuleset } from './compiledRuleset';
import type { ValidityWindow } from './ruleset';

/** A ruleset document known to a registry, as `list()` describes it. */
export interface RulesetSummary {
  readonly id: string;
  readonly version: string;
  readonly kind: 'base' | 'overlay';
  /** For overlays: the base ruleset they add to. */
  readonly extends?: string;
  /** For overlays: the member states whose exporters they concern. */
  readonly memberStates?: readonly string[];
  readonly title: string;
  readonly validity: ValidityWindow;
  /** sha256 of the document's canonical JSON, as assessments record it. */
  readonly sha256: string;
  /** Whether a date can select it; `false` once a later registration replaced it (it can still be replayed). */
  readonly selectable: boolean;
  /** The version that replaced it (a correction of the same legal time); absent while it is current. */
  readonly replacedBy?: string;
  /** The earlier versions of the same id that it replaced. */
  readonly replaces?: readonly string[];
}

/** Options for `loadRuleset` and `RulesetRegistry.load`. */
export interface LoadOptions {
  /** The date (`YYYY-MM-DD`) whose law to load: the base version and the overlays in force on it. Default: today (UTC). */
  readonly asOf?: string;
  /** A specific base version. Without `asOf`, it is loaded alone, without overlays. */
  readonly version?: string;
}

/** Options for `RulesetRegistry.register`. */
export interface RegisterOptions {
  /** Detached signatures of the document; required when the registry has `publicKeys`. */
  readonly signatures?: readonly unknown[];
  /**
   * Versions of the same id that this document takes over from (e.g. a corrected encoding of the same legal period).
   * They stop being selected by date but stay available to `find` and `replay`.
   */
  readonly replaces?: readonly string[];
}

/** Options for `createRulesetRegistry`. */
export interface RegistryOptions {
  /** Start with the rulesets bundled with the package. Default `true`. */
  readonly bundled?: boolean;
  /**
   * Ed25519 public keys (PEM). When present, every document registered must carry a valid signature by one of them.
   * The bundled rulesets are part of the installed package and are not signed.
   */
  readonly publicKeys?: readonly string[];
}

/** The ruleset a date selects over a stretch of legal time: one base version with the overlays in force. */
export interface RulesetComposition {
  readonly id: string;
  readonly version: string;
  readonly overlays: readonly { readonly id: string; readonly version: string }[];
  /** The days on which a date selects exactly this composition. */
  readonly validity: ValidityWindow;
  /** Compiles the composition (cached). */
  readonly load: () => CompiledRuleset;
}

/** Rulesets by id and legal time: selects the version in force on a date, and finds the exact one an assessment used. */
export interface RulesetRegistry {
  /**
   * Adds a document. It is validated (and its signature checked when the registry has keys); versions of one id
   * must tile legal time, so a window that overlaps another version's, or leaves a gap between versions, is refused.
   * Registering the identical document again does nothing.
   * @throws {RulesetError} listing every problem, windows included (`overlapping_validity`, `validity_gap`).
   */
  register(document: unknown, options?: RegisterOptions): RulesetSummary;
  /** Every document registered, in registration order. */
  list(): RulesetSummary[];
  /**
   * The base version in force on `asOf` (default today) with the overlays in force on that date, compiled once and cached.
   * @throws {AssessmentError} `unknown_ruleset`, `ruleset_not_in_force` (naming every version's window) or `invalid_option`.
   */
  load(id?: string, options?: LoadOptions): CompiledRuleset;
  /**
   * The ruleset for a transaction: the one in force on its `date`, else on `asOf`, else today.
   * @throws {TransactionError} when no version is in force on the transaction's date (the issue at `/date` names
   * every window), with the transaction's other problems; {AssessmentError} when `asOf` is the problem.
   */
  select(transaction: unknown, options?: { readonly id?: string; readonly asOf?: string }): CompiledRuleset;
  /** Every composition a date can select for a base id, in date order. */
  compositions(id?: string): RulesetComposition[];
  /**
   * The exact ruleset an assessment names: base and overlays found by sha256, replaced versions included.
   * @throws {AssessmentError} `unknown_ruleset` when a document with that hash is not registered.
   */
  find(reference: RulesetReference): CompiledRuleset;
}
