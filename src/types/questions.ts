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
  /** Its key in each entry (e.g. `knowledge`). */
  readonly name: string;
  /** What a form calls it (e.g. "How strongly it is known"). */
  readonly label: string;
  /** `string`: one value (from `values` when given, else free text); `list`: any number of `values` (`[]`: none). */
  readonly type: 'string' | 'list';
  /** An entry without it is invalid. */
  readonly required: boolean;
  /** The value the transaction contract gives the field when it is left out. */
  readonly default?: string;
  /** The values it accepts; absent for free text. */
  readonly values?: readonly AnswerValue[];
  /** When the values are the levels of a ruleset scale. */
  readonly scale?: ScaleReference;
}

/** A part of the transaction, under which a form groups the questions that fill it. */
export interface QuestionSection {
  /** The transaction's top-level key it covers (e.g. `exporter`), as `QuestionDefinition.section` names it. */
  readonly id: string;
  /** Its heading (e.g. "The exporter"). */
  readonly title: string;
  /**
   * Its questions are steps the exporter takes (the due-diligence steps): "no" is an answer, a step not done yet,
   * which a form shows as outstanding rather than as a question still open.
   */
  readonly steps: boolean;
}

/**
 * For a question that states something with its source (e.g. a member state's national rule as the exporter
 * understands it), the field where the source is given: a transaction that answers the question without it is invalid,
 * and the decision report shows the two together, as stated by the exporter.
 */
export interface StatementSource {
  /** Where the source goes in a transaction, as object keys from its root. */
  readonly path: readonly string[];
  readonly title: string;
  /** What to give, in words a compliance officer can answer. */
  readonly prompt: string;
}

/** An earlier fact's answer that makes a fallback question matter: every fact of `after` answered outside `except`. */
export interface FallbackCase {
  /** The facts read before the question, in order. */
  readonly after: readonly string[];
  /** The answers that settle the matter before the question is read (the ids of the catalogue it falls back from). */
  readonly except: readonly string[];
}

/**
 * When a form needs to show a question that may not matter yet (absent: always). Whatever it says, a form shows a
 * question that holds an answer, or that an assessment of the transaction asks. `fallback`: the ruleset reads it only
 * when earlier answers leave the matter open (e.g. where the items are, when the exporter is not established in a
 * member state); show it once one of `cases` holds. `asked`: the ruleset reads it only as an alternative to what it
 * derives from its own data (e.g. whether the destination lies in a part of its country outside the customs
 * territory, which matters only for the countries the ruleset's catalogue says have such parts), or asks it only once
 * another answer makes it matter (e.g. whether a refused end-use statement has since been obtained, once a refusal is
 * reported); show it while an assessment asks it.
 */
export type ShowWhen =
  { readonly kind: 'fallback'; readonly cases: readonly FallbackCase[] } | { readonly kind: 'asked' };

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
  /** The section a form shows it in (the first key of `path`; see `QuestionList.sections`); absent without a `path`. */
  readonly section?: string;
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
  /** For a statement of the exporter: where its source is given, required whenever the question is answered. */
  readonly source?: StatementSource;
  /** When a form needs to show it; absent: always. */
  readonly showWhen?: ShowWhen;
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
  /** The sections the questions fall in, in the order a form shows them (the transaction's order). */
  readonly sections: readonly QuestionSection[];
}
