import type { RulesetReference } from './assessment';
import type { Citation } from './citation';
import type { FactType } from './ruleset';

/** One value a question accepts, with its label when the ruleset or the transaction contract gives one. */
export interface AnswerValue {
  /** The value as the transaction holds it, e.g. `facial-recognition`, `positive-knowledge` or `FR`. */
  readonly value: string;
  /** Readable text for it; absent for country codes, which a form names in its own language (e.g. `Intl.DisplayNames`). */
  readonly label?: string;
  readonly description?: string;
  /** For a catalogue entry: where the ruleset takes it from. */
  readonly citation?: Citation;
}

/** A ruleset scale whose levels are a question's values (e.g. how strongly a finding is known), to explain them. */
export interface ScaleReference {
  readonly id: string;
  readonly title: string;
  readonly citation: Citation;
  readonly seeAlso: readonly Citation[];
}

/** One field of each entry of a `records` question (e.g. a due-diligence finding's `knowledge`). */
export interface RecordFieldDefinition {
  readonly name: string;
  /** An entry without it is invalid. */
  readonly required: boolean;
  /** The value the transaction contract gives the field when it is left out. */
  readonly default?: string;
  /** The values it accepts; absent for free text. */
  readonly values?: readonly AnswerValue[];
  /** When the values are the levels of a ruleset scale. */
  readonly scale?: ScaleReference;
}

/** The rules, notes and named conditions that read a fact, directly or through the facts derived from it. */
export interface FactUse {
  readonly rules: readonly string[];
  readonly notes: readonly string[];
  readonly conditions: readonly string[];
  /** Whether it decides which member state's competent authority the assessment names. */
  readonly authority: boolean;
}

/** Something the ruleset can ask: one fact, with what a form needs to ask it and where the answer goes. */
export interface QuestionDefinition {
  /** The fact's id, as `Assessment.questions[].fact` names it (a transaction path such as `item.speciallyDesigned`). */
  readonly fact: string;
  /**
   * Where the answer goes in a transaction, as object keys from its root. Absent for a fact the ruleset itself holds
   * (e.g. whether a member state applies a national rule): no transaction field answers it, a ruleset version does.
   */
  readonly path?: readonly string[];
  readonly title: string;
  readonly prompt: string;
  readonly help?: string;
  /**
   * How it is answered: `boolean` (yes, no, or unknown when left out), `string` (one value), `number`, `list` (any
   * number of values; `[]` means none), `records` (a list of small records; see `fields`), `level` (one level of `scale`).
   */
  readonly type: FactType;
  /**
   * The values it accepts (for `list`, each entry's); absent when any well-formed text is accepted, and for a fact
   * the ruleset holds (no `path`).
   */
  readonly values?: readonly AnswerValue[];
  /** When the values must come from a ruleset catalogue: its id (the transaction is checked against it). */
  readonly catalogue?: string;
  /** When the values are the levels of a ruleset scale. */
  readonly scale?: ScaleReference;
  /** For `records`: the fields of each entry. */
  readonly fields?: readonly RecordFieldDefinition[];
  /** A transaction without it is invalid (it has no "unknown"). */
  readonly required: boolean;
  /** The value the transaction contract gives it when it is left out (shown as the answer, never silent). */
  readonly default?: string;
  readonly citation: Citation;
  readonly seeAlso: readonly Citation[];
  readonly usedBy: FactUse;
}

/** Every question a ruleset can ask, as `listQuestions` returns them. */
export interface QuestionList {
  /** The ruleset the questions are for. */
  readonly ruleset: RulesetReference;
  /** In the ruleset's declaration order of its facts. */
  readonly questions: readonly QuestionDefinition[];
}
