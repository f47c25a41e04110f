import {
  listQuestions,
  type AnswerValue,
  type Citation,
  type CompiledRuleset,
  type QuestionDefinition,
  type QuestionSection,
  type RecordFieldDefinition,
  type ScaleReference,
  type ShowWhen,
  type StatementSource,
} from '../../src/index';

/** One choice in a pick-list. */
export interface AnswerOption {
  readonly value: string;
  readonly label: string;
  readonly description?: string;
}

/**
 * How a question, or a field of a repeatable entry, is answered:
 * - `boolean`: yes / no / don't know;
 * - `choice`: one value from a pick-list;
 * - `multi`: any number of values from a pick-list, or "none of these";
 * - `list`: free-text entries (e.g. Annex I entries), "none", or not known yet;
 * - `records`: a small repeatable form, "none", or not known yet;
 * - `text` / `number`: a single free value.
 */
export type AnswerKind = 'boolean' | 'choice' | 'multi' | 'list' | 'records' | 'text' | 'number';

/** A field of a repeatable entry (e.g. a finding's knowledge level), as the form asks it. */
export interface RecordField {
  readonly name: string;
  readonly label: string;
  readonly required: boolean;
  /** `choice` with `options`, `multi` (a list of `options`), or free `text`. */
  readonly kind: 'choice' | 'multi' | 'text';
  readonly options?: readonly AnswerOption[];
  /** The value the transaction contract gives the field when it is left out. */
  readonly default?: string;
  /** When its values are the levels of a ruleset scale (e.g. the knowledge levels): the scale, to explain each level. */
  readonly scale?: ScaleReference;
}

/** A question of the questionnaire: one question of `listQuestions` that a transaction field answers, as the form asks it. */
export interface QuestionSpec {
  /** The transaction field it fills, by path (e.g. `item.speciallyDesigned`). */
  readonly fact: string;
  readonly title: string;
  readonly prompt: string;
  readonly help?: string;
  readonly citation: Citation;
  readonly seeAlso: readonly Citation[];
  readonly kind: AnswerKind;
  readonly options?: readonly AnswerOption[];
  readonly fields?: readonly RecordField[];
  /** The transaction cannot be assessed without it (it has no "don't know"). */
  readonly required: boolean;
  /** The value the transaction contract gives the field when it is left out: shown selected, so it is never silent. */
  readonly default?: string;
  /** When its values are the levels of a ruleset scale: the scale, to explain each level next to the choice. */
  readonly scale?: ScaleReference;
  /** The section it is shown in (`Questionnaire.sections`). */
  readonly section: string;
  /** For a statement of the exporter: where its source goes (asked beside it, required with it), as a dotted path. */
  readonly source?: StatementSource & { readonly fact: string };
  /** When it needs showing; absent: always (see `visibleFacts`). */
  readonly showWhen?: ShowWhen;
}

/** What the form asks for one ruleset: its sections in order, and its questions. */
export interface Questionnaire {
  readonly sections: readonly QuestionSection[];
  /** In the ruleset's declaration order; the form shows them section by section. */
  readonly questions: readonly QuestionSpec[];
  /**
   * Questions of `listQuestions` that no transaction field answers (a fact the ruleset's own data holds, such as a
   * member state's national rule in a released version that records it as unknown): the form cannot ask them, and
   * shows them, when an assessment asks them, with their prompt.
   */
  readonly unanswerable: readonly QuestionDefinition[];
}

/**
 * The questionnaire of a ruleset: every question `listQuestions` lists, each with the control that answers it. The
 * form adds only how things are shown: the kind of control, and countries named in the reader's language.
 */
export function questionnaireOf(ruleset: CompiledRuleset): Questionnaire {
  const list = listQuestions(ruleset);
  const questions: QuestionSpec[] = [];
  const unanswerable: QuestionDefinition[] = [];
  for (const question of list.questions) {
    if (question.path === undefined || question.section === undefined) unanswerable.push(question);
    else questions.push(specOf(question, question.section));
  }
  return { sections: list.sections, questions, unanswerable };
}

function specOf(question: QuestionDefinition, section: string): QuestionSpec {
  const options = question.values?.map(optionOf);
  return {
    fact: question.fact,
    title: question.title,
    prompt: question.prompt,
    ...(question.help === undefined ? {} : { help: question.help }),
    citation: question.citation,
    seeAlso: question.seeAlso,
    kind: kindOf(question, options),
    ...(options === undefined ? {} : { options }),
    ...(question.fields === undefined ? {} : { fields: question.fields.map(fieldOf) }),
    required: question.required,
    ...(question.default === undefined ? {} : { default: question.default }),
    ...(question.scale === undefined ? {} : { scale: question.scale }),
    section,
    ...(question.source === undefined ? {} : { source: { ...question.source, fact: question.source.path.join('.') } }),
    ...(question.showWhen === undefined ? {} : { showWhen: question.showWhen }),
  };
}

function kindOf(question: QuestionDefinition, options: readonly AnswerOption[] | undefined): AnswerKind {
  switch (question.type) {
    case 'boolean':
      return 'boolean';
    case 'number':
      return 'number';
    case 'records':
      return 'records';
    case 'list':
      return options === undefined ? 'list' : 'multi';
    case 'string':
    case 'level':
      return options === undefined ? 'text' : 'choice';
  }
}

function fieldOf(field: RecordFieldDefinition): RecordField {
  const options = field.values?.map(optionOf);
  return {
    name: field.name,
    label: field.label,
    required: field.required,
    kind: options === undefined ? 'text' : field.type === 'list' ? 'multi' : 'choice',
    ...(options === undefined ? {} : { options }),
    ...(field.default === undefined ? {} : { default: field.default }),
    ...(field.scale === undefined ? {} : { scale: field.scale }),
  };
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/**
 * A value with the label the form shows: the library's, with the code after a country's name ("Austria (AT)"), or for
 * a country code the library leaves unlabelled, its name in English.
 */
function optionOf(value: AnswerValue): AnswerOption {
  const isCountry = /^[A-Z]{2}$/.test(value.value);
  const name = value.label ?? (isCountry ? (regionNames.of(value.value) ?? value.value) : value.value);
  return {
    value: value.value,
    label: isCountry && !name.includes(`(${value.value})`) ? `${name} (${value.value})` : name,
    ...(value.description === undefined ? {} : { description: value.description }),
  };
}
