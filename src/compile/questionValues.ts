import { nonNull, schemaAt, type SchemaNode } from '../transaction/schemaNodes';
import { transactionJsonSchema } from '../transaction/transactionJsonSchema';
import { CONTRACT_FIELD_LABELS, CONTRACT_VALUE_DESCRIPTIONS, CONTRACT_VALUE_LABELS } from '../transaction/valueLabels';
import type { Citation } from '../types/citation';
import type { AnswerValue, RecordFieldDefinition, ScaleReference, StatementSource } from '../types/questions';
import type { CitationDefinition, RulesetDocument } from '../types/ruleset';

/*
 * The values, scales and record fields of the questions `listQuestions` lists: from the ruleset's catalogues and
 * scales where it binds them, else from the transaction contract (its JSON Schema and its labels).
 */

export function catalogueValues(
  document: RulesetDocument,
  catalogue: string,
  cite: (definition: CitationDefinition) => Citation,
): AnswerValue[] {
  return (document.catalogues?.[catalogue]?.entries ?? []).map((entry) => ({
    value: entry.id,
    label: entry.label,
    ...(entry.description === undefined ? {} : { description: entry.description }),
    citation: cite(entry.citation),
  }));
}

/**
 * Fixed values with labels: from a ruleset scale or catalogue that holds every one of them (the knowledge scale, the
 * concerns catalogue), else the contract's own labels and descriptions; country codes stay unlabelled.
 */
export function labelled(document: RulesetDocument, values: readonly string[] | undefined): AnswerValue[] | undefined {
  if (values === undefined) return undefined;
  const covering = [
    ...Object.values(document.scales ?? {}).map((scale) => scale.levels),
    ...Object.values(document.catalogues ?? {}).map((catalogue) => catalogue.entries),
  ].find((entries) => values.every((value) => entries.some((entry) => entry.id === value)));
  return values.map((value) => {
    const entry = covering?.find((candidate) => candidate.id === value);
    const label = entry?.label ?? CONTRACT_VALUE_LABELS[value];
    const description = entry === undefined ? CONTRACT_VALUE_DESCRIPTIONS[value] : entry.description;
    return {
      value,
      ...(label === undefined ? {} : { label }),
      ...(description === undefined ? {} : { description }),
    };
  });
}

/** The scale whose levels include every value, if there is one: a form explains the levels next to the choice. */
export function scaleFor(
  document: RulesetDocument,
  values: readonly AnswerValue[] | undefined,
  cite: (definition: CitationDefinition) => Citation,
): ScaleReference | undefined {
  if (values === undefined || values.length === 0) return undefined;
  for (const [id, scale] of Object.entries(document.scales ?? {})) {
    if (values.every((value) => scale.levels.some((level) => level.id === value.value)))
      return { id, title: scale.title, citation: cite(scale.citation), seeAlso: (scale.seeAlso ?? []).map(cite) };
  }
  return undefined;
}

let schemaCache: SchemaNode | undefined;

/** The transaction contract as JSON Schema, which says which fields are required, their defaults and record fields. */
export function contractSchema(): SchemaNode {
  return (schemaCache ??= transactionJsonSchema() as SchemaNode);
}

/**
 * The fields of each record, from the contract; a field the ruleset binds to a catalogue (`answers.fields`, such as a
 * finding's indicators) takes its values from it.
 */
export function recordFields(
  document: RulesetDocument,
  fact: string,
  items: SchemaNode | undefined,
  catalogues: Readonly<Record<string, string>> | undefined,
  cite: (definition: CitationDefinition) => Citation,
): RecordFieldDefinition[] {
  const required = new Set(items?.required ?? []);
  return Object.entries(items?.properties ?? {}).map(([name, node]) => {
    const catalogue = catalogues !== undefined && Object.hasOwn(catalogues, name) ? catalogues[name] : undefined;
    const list = nonNull(node)?.type === 'array';
    const fixed = list ? nonNull(nonNull(node)?.items)?.enum : nonNull(node)?.enum;
    const values = catalogue !== undefined ? catalogueValues(document, catalogue, cite) : labelled(document, fixed);
    const scale = scaleFor(document, values, cite);
    return {
      name,
      label: CONTRACT_FIELD_LABELS[`${fact}.${name}`] ?? name,
      type: list ? 'list' : 'string',
      required: required.has(name),
      ...(typeof node.default === 'string' ? { default: node.default } : {}),
      ...(values === undefined ? {} : { values }),
      ...(scale === undefined ? {} : { scale }),
    };
  });
}

/**
 * For an input fact that records a statement of the exporter (`InputFact.statementSource`), the field of its source,
 * named and explained by the contract.
 */
export function statementSource(path: readonly string[] | undefined): StatementSource | undefined {
  if (path === undefined) return undefined;
  const dotted = path.join('.');
  return {
    path,
    title: CONTRACT_FIELD_LABELS[dotted] ?? dotted,
    prompt: schemaAt(contractSchema(), path)?.description ?? '',
  };
}
