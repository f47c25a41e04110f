import { citationResolver } from './compile/buildProgram';
import { derivationInputs } from './compile/derivationInputs';
import { walkCondition } from './compile/rulesetContext';
import { loadRuleset } from './loadRuleset';
import { isWeight } from './model/weights';
import { INPUT_FACTS } from './transaction/inputFacts';
import { isRequiredAt, nonNull, schemaAt, type SchemaNode } from './transaction/schemaNodes';
import { transactionJsonSchema } from './transaction/transactionJsonSchema';
import { CONTRACT_VALUE_LABELS } from './transaction/valueLabels';
import type { Citation } from './types/citation';
import type { CompiledRuleset } from './types/compiledRuleset';
import type {
  AnswerValue,
  QuestionDefinition,
  QuestionList,
  RecordFieldDefinition,
  ScaleReference,
} from './types/questions';
import type { CitationDefinition, ConditionDefinition, Derivation, RulesetDocument } from './types/ruleset';

/**
 * Lists every question a ruleset can ask, as data a form can be built from: every input fact that a rule, a note,
 * a named condition or the choice of competent authority reads (directly or through the facts derived from it), and
 * every derived fact the ruleset itself may leave open (such as a member state's national rule, asked when the
 * ruleset records it as unknown). Each question carries its transaction path, title, prompt and help, its answer
 * type, the values it accepts with their labels (catalogue entries, scale levels, or the fixed values of the
 * transaction contract such as activities and country codes), whether the transaction needs it, and its citation.
 *
 * Any question `assess` returns for this ruleset is in the list (`Assessment.questions[].fact` is a `fact` here), so a
 * form built on it asks what the library asks.
 *
 * @param ruleset - A compiled ruleset; default: the bundled Article 5 ruleset in force today, with its overlays.
 * @returns The ruleset's reference and its questions, in the order the ruleset declares its facts.
 *
 * @example
 * import { listQuestions, loadRuleset } from 'dual-use-rules';
 *
 * const { questions } = listQuestions(loadRuleset('eu-2021-821-art5', { asOf: '2025-06-30' }));
 * const capabilities = questions.find((question) => question.fact === 'item.capabilities');
 * capabilities?.type;                // 'list'
 * capabilities?.values?.[0];         // { value: 'interception', label: 'Interception …', citation: {…} }
 * capabilities?.path;                // ['item', 'capabilities']
 */
export function listQuestions(ruleset: CompiledRuleset = loadRuleset()): QuestionList {
  const document = ruleset.document;
  const cite = citationResolver(document.sources);
  const uses = factUses(document);
  const schema = contractSchema();
  const questions: QuestionDefinition[] = [];
  for (const [id, fact] of Object.entries(document.facts ?? {})) {
    const use = uses.get(id);
    if (use === undefined) continue;
    const input = fact.derive === undefined ? INPUT_FACTS.get(id) : undefined;
    if (input === undefined && !canBeAsked(document, id, fact.derive, use)) continue;
    const node = input === undefined ? undefined : schemaAt(schema, input.path);
    const catalogue = fact.answers?.catalogue;
    const values =
      catalogue !== undefined ? catalogueValues(document, catalogue, cite) : labelled(document, input?.values);
    const scale = scaleFor(document, values, cite);
    questions.push({
      fact: id,
      ...(input === undefined ? {} : { path: input.path }),
      title: fact.title,
      prompt: fact.prompt,
      ...(fact.help === undefined ? {} : { help: fact.help }),
      type: fact.type,
      ...(values === undefined ? {} : { values }),
      ...(catalogue === undefined ? {} : { catalogue }),
      ...(scale === undefined ? {} : { scale }),
      ...(fact.type === 'records'
        ? { fields: recordFields(document, nonNull(node)?.items, fact.answers?.fields, cite) }
        : {}),
      required: input !== undefined && isRequiredAt(schema, input.path),
      ...(typeof node?.default === 'string' ? { default: node.default } : {}),
      citation: cite(fact.citation),
      seeAlso: (fact.seeAlso ?? []).map(cite),
      usedBy: {
        rules: [...use.rules],
        notes: [...use.notes],
        conditions: [...use.conditions],
        authority: use.authority,
      },
    });
  }
  return {
    ruleset: { id: ruleset.id, version: ruleset.version, sha256: ruleset.sha256, overlays: ruleset.overlays },
    questions,
  };
}

interface MutableUse {
  readonly rules: Set<string>;
  readonly notes: Set<string>;
  readonly conditions: Set<string>;
  authority: boolean;
}

/** For each fact something reads: which rules, notes and named conditions read it, and whether the authority does. */
function factUses(document: RulesetDocument): Map<string, MutableUse> {
  const facts = document.facts ?? {};
  const named = document.conditions ?? {};
  const uses = new Map<string, MutableUse>();
  const use = (fact: string) => {
    let found = uses.get(fact);
    if (found === undefined) {
      found = { rules: new Set(), notes: new Set(), conditions: new Set(), authority: false };
      uses.set(fact, found);
    }
    return found;
  };
  /** A fact and every fact it is derived from, transitively. */
  const closure = (fact: string, into: Set<string>) => {
    if (into.has(fact)) return;
    into.add(fact);
    const derive = facts[fact]?.derive;
    if (derive !== undefined) for (const input of derivationInputs(derive)) closure(input, into);
  };
  const readBy = (condition: ConditionDefinition, seen = new Set<string>(), into = new Set<string>()) => {
    for (const { node } of walkCondition(condition, [])) {
      if ('fact' in node) closure(node.fact, into);
      else if ('condition' in node && !seen.has(node.condition)) {
        seen.add(node.condition);
        const definition = named[node.condition];
        if (definition !== undefined) readBy(definition.when, seen, into);
      }
    }
    return into;
  };
  for (const rule of document.rules ?? []) for (const fact of readBy(rule.when)) use(fact).rules.add(rule.id);
  for (const note of document.notes ?? []) for (const fact of readBy(note.when)) use(fact).notes.add(note.id);
  for (const [name, condition] of Object.entries(named))
    for (const fact of readBy(condition.when)) use(fact).conditions.add(name);
  if (document.authority !== undefined) {
    const read = new Set<string>();
    closure(document.authority.memberStateFact, read);
    for (const fact of read) use(fact).authority = true;
  }
  return uses;
}

/**
 * Whether `assess` can ask a derived fact itself rather than the inputs it is derived from: when a rule asks it on
 * purpose (`ask`), or when its value can be unknown although its inputs are known, because it reads ruleset data
 * that may be missing (a catalogue attribute left out or `null`, a value outside the catalogue). Derivations over
 * records (`maxLevel`, `anyRecordIn`, `recordsComplete`) ask the records instead, and `firstKnown` is unknown only
 * while all its inputs are, so they never ask themselves.
 */
function canBeAsked(document: RulesetDocument, id: string, derive: Derivation | undefined, use: MutableUse): boolean {
  if (derive === undefined) return false;
  if (use.rules.size + use.notes.size + use.conditions.size === 0) return false;
  if (isAskedOnPurpose(document, id)) return true;
  switch (derive.kind) {
    case 'lookup':
      return (
        !boundTo(document, derive.key, derive.catalogue) ||
        someEntry(document, derive.catalogue, derive.attribute, (value) => (value ?? null) === null)
      );
    case 'firstMemberOf':
      return (
        !boundTo(document, derive.of[derive.of.length - 1] ?? '', derive.catalogue) ||
        // The member's attribute, where one is read: one the catalogue leaves out or records as `null` is unknown.
        (derive.attribute !== undefined &&
          someEntry(document, derive.catalogue, derive.attribute, (value) => value === undefined || value === null))
      );
    case 'sum':
      // An id outside the catalogue, or a weight it records as not known (`null`), leaves the sum unknown.
      return (
        !boundTo(document, derive.of, derive.catalogue) ||
        someEntry(document, derive.catalogue, derive.attribute, (value) => !isWeight(value))
      );
    case 'collect':
      // An attribute the catalogue records as not known (`null`), or leaves out, leaves the list unknown.
      return someEntry(document, derive.catalogue, derive.attribute, (value) => typeof value !== 'string');
    default:
      return false;
  }
}

/** Whether an entry of a catalogue has an attribute whose value (`undefined` when left out) passes a test. */
function someEntry(
  document: RulesetDocument,
  catalogue: string,
  attribute: string,
  test: (value: unknown) => boolean,
): boolean {
  return (document.catalogues?.[catalogue]?.entries ?? []).some((entry) =>
    test(
      entry.attributes !== undefined && Object.hasOwn(entry.attributes, attribute)
        ? entry.attributes[attribute]
        : undefined,
    ),
  );
}

/**
 * Whether a fact's values always come from a catalogue: it answers from it, or it is the first member of it (not an
 * attribute of that member).
 */
function boundTo(document: RulesetDocument, fact: string, catalogue: string): boolean {
  const definition = document.facts?.[fact];
  if (definition?.answers?.catalogue === catalogue) return true;
  const derive = definition?.derive;
  return derive?.kind === 'firstMemberOf' && derive.attribute === undefined && derive.catalogue === catalogue;
}

function isAskedOnPurpose(document: RulesetDocument, fact: string): boolean {
  const trees = [
    ...(document.rules ?? []).map((rule) => rule.when),
    ...(document.notes ?? []).map((note) => note.when),
    ...Object.values(document.conditions ?? {}).map((condition) => condition.when),
  ];
  return trees.some((tree) =>
    [...walkCondition(tree, [])].some(({ node }) => 'fact' in node && node.fact === fact && node.ask === true),
  );
}

function catalogueValues(
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
 * concerns catalogue), else the contract's own labels; country codes stay unlabelled.
 */
function labelled(document: RulesetDocument, values: readonly string[] | undefined): AnswerValue[] | undefined {
  if (values === undefined) return undefined;
  const covering = [
    ...Object.values(document.scales ?? {}).map((scale) => scale.levels),
    ...Object.values(document.catalogues ?? {}).map((catalogue) => catalogue.entries),
  ].find((entries) => values.every((value) => entries.some((entry) => entry.id === value)));
  return values.map((value) => {
    const entry = covering?.find((candidate) => candidate.id === value);
    const label = entry?.label ?? CONTRACT_VALUE_LABELS[value];
    return {
      value,
      ...(label === undefined ? {} : { label }),
      ...(entry?.description === undefined ? {} : { description: entry.description }),
    };
  });
}

/** The scale whose levels include every value, if there is one: a form explains the levels next to the choice. */
function scaleFor(
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
function contractSchema(): SchemaNode {
  return (schemaCache ??= transactionJsonSchema() as SchemaNode);
}

/**
 * The fields of each record, from the contract; a field the ruleset binds to a catalogue (`answers.fields`, such as a
 * finding's indicators) takes its values from it.
 */
function recordFields(
  document: RulesetDocument,
  items: SchemaNode | undefined,
  catalogues: Readonly<Record<string, string>> | undefined,
  cite: (definition: CitationDefinition) => Citation,
): RecordFieldDefinition[] {
  const required = new Set(items?.required ?? []);
  return Object.entries(items?.properties ?? {}).map(([name, node]) => {
    const catalogue = catalogues !== undefined && Object.hasOwn(catalogues, name) ? catalogues[name] : undefined;
    const values =
      catalogue !== undefined ? catalogueValues(document, catalogue, cite) : labelled(document, nonNull(node)?.enum);
    const scale = scaleFor(document, values, cite);
    return {
      name,
      required: required.has(name),
      ...(typeof node.default === 'string' ? { default: node.default } : {}),
      ...(values === undefined ? {} : { values }),
      ...(scale === undefined ? {} : { scale }),
    };
  });
}
