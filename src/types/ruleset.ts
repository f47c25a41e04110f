import type { CitationConfidence } from './citation';
import type { Outcome } from './outcome';

/**
 * A ruleset document as written in JSON: the law as inert, cited data.
 * `schemas/ruleset.schema.json` is the authoritative description; `compileRuleset` validates a document against it.
 */
export interface RulesetDocument {
  readonly $schema?: string;
  readonly id: string;
  readonly version: string;
  readonly kind: 'base' | 'overlay';
  readonly extends?: string;
  readonly appliesTo?: { readonly memberStates: readonly string[] };
  readonly title: string;
  readonly description?: string;
  readonly validity: ValidityWindow;
  readonly lastVerifiedOn?: string;
  readonly sources: Readonly<Record<string, SourceDefinition>>;
  readonly outcomes?: Readonly<Partial<Record<Outcome, OutcomeDefinition>>>;
  readonly undecided?: Outcome;
  readonly fallback?: FallbackDefinition;
  readonly authority?: AuthorityDefinition;
  readonly duties?: Readonly<Record<string, DutyDefinition>>;
  readonly extensionPoints?: Readonly<Record<string, ExtensionPointDefinition>>;
  readonly attributes?: readonly OverlayAttributeDefinition[];
  readonly scales?: Readonly<Record<string, ScaleDefinition>>;
  readonly catalogues?: Readonly<Record<string, CatalogueDefinition>>;
  readonly thresholds?: Readonly<Record<string, ThresholdDefinition>>;
  readonly facts?: Readonly<Record<string, FactDefinition>>;
  readonly conditions?: Readonly<Record<string, NamedConditionDefinition>>;
  readonly rules?: readonly RuleDefinition[];
  readonly notes?: readonly NoteDefinition[];
}

/** Legal time: first and last day (inclusive, `YYYY-MM-DD`) on which an encoding states the law; `to: null` is open-ended. */
export interface ValidityWindow {
  readonly from: string;
  readonly to: string | null;
}

/** A legal instrument a ruleset cites. */
export interface SourceDefinition {
  readonly title: string;
  readonly instrument: string;
  readonly binding: boolean;
  readonly url?: string;
  readonly celex?: string;
  readonly note?: string;
}

/** A citation as written in a ruleset: a source id plus a pinpoint. */
export interface CitationDefinition {
  readonly source: string;
  readonly pinpoint: string;
  readonly confidence: CitationConfidence;
  readonly quote?: string;
  readonly note?: string;
}

/** What an outcome means and how it ranks. */
export interface OutcomeDefinition {
  readonly precedence: number;
  readonly title: string;
  readonly nextSteps: string;
  readonly involvesAuthority?: boolean;
  /** The duties (ids in `duties`) the exporter has whenever this is the outcome. */
  readonly duties?: readonly string[];
}

/** Something the exporter must do, cited to the provision it rests on (base rulesets). */
export interface DutyDefinition {
  readonly title: string;
  readonly text: string;
  readonly citation: CitationDefinition;
  readonly seeAlso?: readonly CitationDefinition[];
}

/**
 * A place where the base ruleset lets an overlay's rule decide an outcome that imposes nothing on the exporter (one
 * that neither involves the authority nor is the undecided outcome), so replacing or lowering a base outcome: an
 * overlay rule names it in `extensionPoint`, and every assessment's trace shows it on that rule's step.
 */
export interface ExtensionPointDefinition {
  readonly title: string;
  readonly description?: string;
  /** The outcomes an overlay rule using this extension point may decide. */
  readonly outcomes: readonly Outcome[];
  readonly citation: CitationDefinition;
  readonly seeAlso?: readonly CitationDefinition[];
}

/**
 * An overlay's statement of a catalogue attribute the base records as not known (`null`), with its source (e.g. an
 * organisation's statement of its member state's national rule).
 */
export interface OverlayAttributeDefinition {
  readonly catalogue: string;
  readonly entry: string;
  readonly attribute: string;
  readonly value: string | number | boolean;
  readonly citation: CitationDefinition;
}

/** The outcome that holds when every rule is false. */
export interface FallbackDefinition {
  readonly id: string;
  readonly outcome: Outcome;
  readonly summary: string;
  readonly citation: CitationDefinition;
  readonly seeAlso?: readonly CitationDefinition[];
}

/** Where the competent authority's member state and name come from. */
export interface AuthorityDefinition {
  readonly memberStateFact: string;
  readonly catalogue: string;
  readonly nameAttribute: string;
  /** Name the authority on undecided assessments too, whenever its member state is known (not only when the outcome involves it). */
  readonly whenUndecided?: boolean;
}

/** Ordered levels, weakest first. */
export interface ScaleDefinition {
  readonly title: string;
  readonly citation: CitationDefinition;
  readonly seeAlso?: readonly CitationDefinition[];
  readonly levels: readonly { readonly id: string; readonly label: string; readonly description?: string }[];
}

/** A closed, cited list of ids. */
export interface CatalogueDefinition {
  readonly title: string;
  readonly description?: string;
  readonly citation: CitationDefinition;
  readonly seeAlso?: readonly CitationDefinition[];
  /** The values a string attribute may take (besides `null`, not known), checked for every entry and overlay statement. */
  readonly attributeValues?: Readonly<Record<string, readonly string[]>>;
  readonly entries: readonly CatalogueEntryDefinition[];
}

/** Attribute values a catalogue entry may carry; `null` means "not known". */
export type AttributeValue = string | number | boolean | null;

/** One entry of a catalogue. */
export interface CatalogueEntryDefinition {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly citation: CitationDefinition;
  readonly seeAlso?: readonly CitationDefinition[];
  readonly attributes?: Readonly<Record<string, AttributeValue>>;
  /** The sources of particular attributes, where they differ from the entry's own citation. */
  readonly attributeCitations?: Readonly<Record<string, CitationDefinition>>;
}

/** A named number or scale level that conditions compare against. */
export interface ThresholdDefinition {
  readonly title: string;
  readonly value: number | string;
  readonly scale?: string;
  readonly citation: CitationDefinition;
  readonly seeAlso?: readonly CitationDefinition[];
}

/** The value types a fact can have. */
export type FactType = 'boolean' | 'string' | 'number' | 'list' | 'level' | 'records';

/** A fact the rules read: an input (a transaction field, by path) or derived from other facts. */
export interface FactDefinition {
  readonly title: string;
  readonly prompt: string;
  readonly help?: string;
  readonly type: FactType;
  /**
   * For a catalogue-bound transaction field, the catalogue its values come from (`catalogue`); for a records field,
   * the catalogue of each catalogue-bound field of its records (`fields`).
   */
  readonly answers?: { readonly catalogue?: string; readonly fields?: Readonly<Record<string, string>> };
  readonly citation: CitationDefinition;
  readonly seeAlso?: readonly CitationDefinition[];
  readonly derive?: Derivation;
}

/** Which records a derivation over records reads: each listed field must hold one of the values. */
export type RecordFilter = Readonly<Record<string, readonly string[]>>;

/** The closed set of ways a derived fact is computed. */
export type Derivation =
  | { readonly kind: 'memberOf'; readonly of: string; readonly catalogue: string }
  | {
      readonly kind: 'firstMemberOf';
      readonly of: readonly string[];
      readonly catalogue: string;
      readonly attribute?: string;
    }
  | { readonly kind: 'firstKnown'; readonly of: readonly string[] }
  | { readonly kind: 'lookup'; readonly key: string; readonly catalogue: string; readonly attribute: string }
  | { readonly kind: 'count'; readonly of: string }
  | { readonly kind: 'sum' | 'collect'; readonly of: string; readonly catalogue: string; readonly attribute: string }
  | {
      readonly kind: 'maxLevel';
      readonly of: string;
      readonly field: string;
      readonly scale: string;
      readonly where?: RecordFilter;
    }
  | {
      readonly kind: 'anyRecordIn';
      readonly of: string;
      readonly field: string;
      readonly catalogue: string;
      readonly where?: RecordFilter;
    }
  | {
      readonly kind: 'recordsComplete';
      readonly of: string;
      readonly fields: readonly string[];
      readonly where?: RecordFilter;
    };

/** The comparison operators a condition may use. */
export type OperatorName =
  | 'equal'
  | 'notEqual'
  | 'in'
  | 'notIn'
  | 'contains'
  | 'doesNotContain'
  | 'containsAny'
  | 'containsNone'
  | 'lessThan'
  | 'lessThanInclusive'
  | 'greaterThan'
  | 'greaterThanInclusive'
  | 'atLeast'
  | 'below';

/** A plain value a condition compares with. */
export type ScalarValue = string | number | boolean;

/** A condition tree, in json-rules-engine's grammar cut down to whitelisted operators. */
export type ConditionDefinition =
  | { readonly all: readonly ConditionDefinition[] }
  | { readonly any: readonly ConditionDefinition[] }
  | { readonly not: ConditionDefinition }
  | { readonly condition: string }
  | FactConditionDefinition;

/** A comparison of one fact with a value or a named threshold. */
export interface FactConditionDefinition {
  readonly fact: string;
  readonly operator: OperatorName;
  readonly value: ScalarValue | readonly ScalarValue[] | { readonly threshold: string };
  readonly ask?: boolean;
}

/** A named, cited condition group. */
export interface NamedConditionDefinition {
  readonly title: string;
  readonly citation: CitationDefinition;
  readonly seeAlso?: readonly CitationDefinition[];
  readonly when: ConditionDefinition;
}

/** A rule: when its condition is true, it decides its outcome (subject to precedence). */
export interface RuleDefinition {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly outcome: Outcome;
  readonly citation: CitationDefinition;
  readonly seeAlso?: readonly CitationDefinition[];
  readonly when: ConditionDefinition;
  /** Overlay rules only: the base's extension point that lets this rule decide an outcome imposing nothing. */
  readonly extensionPoint?: string;
}

/** A pointer to law outside the decision, attached when its condition is true. */
export interface NoteDefinition {
  readonly id: string;
  readonly text: string;
  readonly citation: CitationDefinition;
  readonly seeAlso?: readonly CitationDefinition[];
  readonly when: ConditionDefinition;
}
