import { compiledRuntime } from './compile/compiledRuntime';
import { derivationInputs } from './compile/derivationInputs';
import {
  catalogueValues,
  contractSchema,
  labelled,
  recordFields,
  scaleFor,
  statementSource,
} from './compile/questionValues';
import { questionVisibility } from './compile/questionVisibility';
import { walkCondition } from './compile/rulesetContext';
import { loadRuleset } from './loadRuleset';
import { citationResolver } from './model/citations';
import { isWeight } from './model/weights';
import { INPUT_FACTS } from './transaction/inputFacts';
import { isRequiredAt, nonNull, schemaAt } from './transaction/schemaNodes';
import { TRANSACTION_SECTIONS } from './transaction/sections';
import type { CompiledRuleset } from './types/compiledRuleset';
import type { QuestionDefinition, QuestionList } from './types/questions';
import type { ConditionDefinition, Derivation, RulesetDocument } from './types/ruleset';

/**
 * Lists every question a ruleset can ask, as data a form can be built from: every input fact that a rule, a note,
 * a named condition or the choice of competent authority reads (directly or through the facts derived from it), and
 * every derived fact the ruleset itself may leave open (such as a member state's national rule, asked when the
 * ruleset records it as unknown). Each question carries its transaction path, title, prompt and help, its answer
 * type, the values it accepts with their labels (catalogue entries, scale levels, or the fixed values of the
 * transaction contract such as activities and country codes), whether the transaction needs it, and its citation.
 * For a form, each also names its section (`sections` gives their headings in the order to show them), the source
 * field of a statement (`source`), and whether it may wait until it matters (`showWhen`); the fields of a list of
 * records carry their labels and answer types.
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
  // A compiled ruleset (of this or the package's other build), whose document was validated.
  compiledRuntime(ruleset, ['ruleset']);
  const document = ruleset.document;
  const cite = citationResolver(document.sources);
  const uses = factUses(document);
  const visibility = questionVisibility(document);
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
    const source = statementSource(input?.statementSource);
    const showWhen = input === undefined ? undefined : visibility.get(id);
    questions.push({
      fact: id,
      ...(input === undefined ? {} : { path: input.path, section: input.path[0] as string }),
      title: fact.title,
      prompt: fact.prompt,
      ...(fact.help === undefined ? {} : { help: fact.help }),
      type: fact.type,
      ...(values === undefined ? {} : { values }),
      ...(catalogue === undefined ? {} : { catalogue }),
      ...(scale === undefined ? {} : { scale }),
      ...(fact.type === 'records'
        ? { fields: recordFields(document, id, nonNull(node)?.items, fact.answers?.fields, cite) }
        : {}),
      required: input !== undefined && isRequiredAt(schema, input.path),
      ...(typeof node?.default === 'string' ? { default: node.default } : {}),
      ...(source === undefined ? {} : { source }),
      ...(showWhen === undefined ? {} : { showWhen }),
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
  const used = new Set(questions.map((question) => question.section));
  return {
    ruleset: { id: ruleset.id, version: ruleset.version, sha256: ruleset.sha256, overlays: ruleset.overlays },
    questions,
    sections: TRANSACTION_SECTIONS.filter((section) => used.has(section.id)).map(({ id, title, steps }) => ({
      id,
      title,
      steps,
    })),
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
