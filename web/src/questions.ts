import type { Citation, CitationDefinition, CompiledRuleset, FactDefinition, RulesetDocument } from '../../src/index';
import { isRequiredAt, nonNull, schemaAt, type SchemaNode } from '../../src/transaction/schemaNodes';

/** One choice in a pick-list. */
export interface AnswerOption {
  readonly value: string;
  readonly label: string;
  readonly description?: string;
}

/** A field of a repeatable record (e.g. a due-diligence finding). */
export interface RecordField {
  readonly name: string;
  readonly label: string;
  readonly required: boolean;
  /** Fixed values; without them the field is free text. */
  readonly options?: readonly AnswerOption[];
  /** The value the transaction contract gives the field when it is left out. */
  readonly default?: string;
  /** When its values are the levels of a ruleset scale (e.g. the knowledge levels): the scale, to explain each level. */
  readonly scale?: ScaleExplanation;
}

/** A ruleset scale as the form explains it next to the choice: its title and citations (the levels are the options). */
export interface ScaleExplanation {
  readonly id: string;
  readonly title: string;
  readonly citation: Citation;
  readonly seeAlso: readonly Citation[];
}

/**
 * How a question is answered:
 * - `boolean`: yes / no / don't know;
 * - `choice`: one value from a pick-list;
 * - `multi`: any number of values from a pick-list, or "none of these";
 * - `list`: free-text entries (e.g. Annex I entries), "none", or not known yet;
 * - `records`: a small repeatable form, "none", or not known yet;
 * - `text` / `number`: a single free value.
 */
export type AnswerKind = 'boolean' | 'choice' | 'multi' | 'list' | 'records' | 'text' | 'number';

/** A question of the questionnaire: one input fact of the ruleset, with what the form needs to ask it. */
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
  readonly scale?: ScaleExplanation;
  /** The first segment of the path, to group questions (`item`, `exporter`, …). */
  readonly group: string;
}

/**
 * The questions a ruleset's fact catalogue defines: its input facts (derived facts are computed, never asked), in
 * declaration order. The transaction JSON Schema supplies what the ruleset does not restate: fixed value lists
 * (activities, countries, the fields of a finding), defaults, and which fields are required.
 */
export function questionsOf(ruleset: CompiledRuleset, transactionSchema: unknown): QuestionSpec[] {
  const document = ruleset.document;
  const root = transactionSchema as SchemaNode;
  return Object.entries(document.facts ?? {})
    .filter(([, fact]) => fact.derive === undefined)
    .map(([path, fact]) => describeQuestion(document, root, path, fact));
}

function describeQuestion(document: RulesetDocument, root: SchemaNode, path: string, fact: FactDefinition): QuestionSpec {
  const node = schemaAt(root, path.split('.'));
  const catalogue = fact.answers?.catalogue === undefined ? undefined : document.catalogues?.[fact.answers.catalogue];
  const options: AnswerOption[] | undefined =
    catalogue !== undefined
      ? catalogue.entries.map((entry) => ({ value: entry.id, label: withCode(entry.id, entry.label), ...(entry.description === undefined ? {} : { description: entry.description }) }))
      : enumOf(fact.type === 'list' ? nonNull(node)?.items : node)?.map((value) => labelled(document, value));
  const base = {
    fact: path,
    title: fact.title,
    prompt: fact.prompt,
    ...(fact.help === undefined ? {} : { help: fact.help }),
    citation: resolveCitation(document, fact.citation),
    seeAlso: (fact.seeAlso ?? []).map((citation) => resolveCitation(document, citation)),
    required: isRequiredAt(root, path.split('.')),
    group: path.split('.')[0] ?? path,
    ...(typeof node?.default === 'string' ? { default: node.default } : {}),
  };
  switch (fact.type) {
    case 'boolean':
      return { ...base, kind: 'boolean' };
    case 'list': {
      return options === undefined ? { ...base, kind: 'list' } : { ...base, kind: 'multi', options };
    }
    case 'records':
      return { ...base, kind: 'records', fields: recordFields(document, nonNull(node)?.items) };
    case 'number':
      return { ...base, kind: 'number' };
    case 'string':
    case 'level': {
      if (options === undefined) return { ...base, kind: 'text' };
      const scale = scaleOf(document, options);
      return { ...base, kind: 'choice', options, ...(scale === undefined ? {} : { scale }) };
    }
  }
}

function recordFields(document: RulesetDocument, items: SchemaNode | undefined): RecordField[] {
  const required = new Set(items?.required ?? []);
  return Object.entries(items?.properties ?? {}).map(([name, node]) => {
    const options = enumOf(node)?.map((value) => labelled(document, value));
    const scale = options === undefined ? undefined : scaleOf(document, options);
    return {
      name,
      label: humanize(name),
      required: required.has(name),
      ...(typeof node.default === 'string' ? { default: node.default } : {}),
      ...(options === undefined ? {} : { options }),
      ...(scale === undefined ? {} : { scale }),
    };
  });
}

function enumOf(node: SchemaNode | undefined): readonly string[] | undefined {
  return nonNull(node)?.enum;
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/**
 * A value with a readable label: from a ruleset catalogue entry or scale level with that id when there is one
 * (e.g. the knowledge scale), a country name for ISO codes, else the id made readable.
 */
function labelled(document: RulesetDocument, value: string): AnswerOption {
  for (const scale of Object.values(document.scales ?? {})) {
    const level = scale.levels.find((candidate) => candidate.id === value);
    if (level !== undefined) return { value, label: level.label, ...(level.description === undefined ? {} : { description: level.description }) };
  }
  for (const catalogue of Object.values(document.catalogues ?? {})) {
    const entry = catalogue.entries.find((candidate) => candidate.id === value);
    if (entry !== undefined) return { value, label: withCode(entry.id, entry.label), ...(entry.description === undefined ? {} : { description: entry.description }) };
  }
  if (/^[A-Z]{2}$/.test(value)) return { value, label: `${regionNames.of(value) ?? value} (${value})` };
  return { value, label: humanize(value) };
}

/** The scale whose levels include every option, if there is one: the form then explains the levels next to the choice. */
function scaleOf(document: RulesetDocument, options: readonly AnswerOption[]): ScaleExplanation | undefined {
  for (const [id, scale] of Object.entries(document.scales ?? {})) {
    if (options.every((option) => scale.levels.some((level) => level.id === option.value))) {
      return { id, title: scale.title, citation: resolveCitation(document, scale.citation), seeAlso: (scale.seeAlso ?? []).map((citation) => resolveCitation(document, citation)) };
    }
  }
  return undefined;
}

/** A country's label with its ISO code, as every country in the form is shown: "Austria (AT)". */
function withCode(id: string, label: string): string {
  return /^[A-Z]{2}$/.test(id) && !label.includes(`(${id})`) ? `${label} (${id})` : label;
}

/** `intra-eu-transfer` → `Intra eu transfer`, `mitigationPlan` → `Mitigation plan`. */
function humanize(id: string): string {
  const words = id.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[-_.]/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A ruleset citation with its source resolved, as assessments carry them. */
export function resolveCitation(document: RulesetDocument, citation: CitationDefinition): Citation {
  const source = document.sources[citation.source];
  return {
    instrument: source?.instrument ?? citation.source,
    pinpoint: citation.pinpoint,
    binding: source?.binding ?? false,
    ...(source?.url === undefined ? {} : { url: source.url }),
    confidence: citation.confidence,
    ...(citation.quote === undefined ? {} : { quote: citation.quote }),
    ...(citation.note === undefined ? {} : { note: citation.note }),
  };
}
