import type { IssuePath } from '../errors/issue';
import { INPUT_FACTS } from '../transaction/inputFacts';
import type {
  CatalogueDefinition,
  ConditionDefinition,
  FactConditionDefinition,
  FactDefinition,
  RulesetDocument,
} from '../types/ruleset';

/** Lookups over a schema-valid ruleset document, shared by the semantic checks. */
export interface RulesetContext {
  readonly document: RulesetDocument;
  readonly facts: ReadonlyMap<string, FactDefinition>;
  readonly catalogues: ReadonlyMap<string, CatalogueDefinition>;
  /** Ids of each catalogue's entries. */
  readonly catalogueIds: ReadonlyMap<string, ReadonlySet<string>>;
  /** Ids of each scale's levels, weakest first. */
  readonly scaleLevels: ReadonlyMap<string, readonly string[]>;
}

export function createRulesetContext(document: RulesetDocument): RulesetContext {
  const catalogues = new Map(Object.entries(document.catalogues ?? {}));
  return {
    document,
    facts: new Map(Object.entries(document.facts ?? {})),
    catalogues,
    catalogueIds: new Map(
      [...catalogues].map(([id, catalogue]) => [id, new Set(catalogue.entries.map((entry) => entry.id))]),
    ),
    scaleLevels: new Map(
      Object.entries(document.scales ?? {}).map(([id, scale]) => [id, scale.levels.map((level) => level.id)]),
    ),
  };
}

/** Where a fact's values come from: a catalogue, a scale, a fixed list, or nowhere in particular (`undefined`). */
export function allowedValues(context: RulesetContext, factId: string, depth = 0): readonly string[] | undefined {
  const fact = context.facts.get(factId);
  if (fact === undefined) return undefined;
  if (fact.answers?.catalogue !== undefined) return [...(context.catalogueIds.get(fact.answers.catalogue) ?? [])];
  const derive = fact.derive;
  if (derive === undefined) return INPUT_FACTS.get(factId)?.values;
  switch (derive.kind) {
    case 'firstMemberOf':
      return derive.attribute === undefined
        ? [...(context.catalogueIds.get(derive.catalogue) ?? [])]
        : attributeStrings(context, derive.catalogue, derive.attribute);
    case 'firstKnown': {
      // The values any of the facts it reads can take; unbounded as soon as one of them is (a cycle is refused elsewhere).
      if (depth > 20) return undefined;
      const values = new Set<string>();
      for (const of of derive.of) {
        const allowed = allowedValues(context, of, depth + 1);
        if (allowed === undefined) return undefined;
        for (const value of allowed) values.add(value);
      }
      return [...values];
    }
    case 'maxLevel':
      return context.scaleLevels.get(derive.scale);
    case 'collect':
      return attributeStrings(context, derive.catalogue, derive.attribute);
    default:
      return undefined;
  }
}

function attributeStrings(context: RulesetContext, catalogue: string, attribute: string): string[] {
  return (context.catalogues.get(catalogue)?.entries ?? [])
    .map((entry) =>
      entry.attributes !== undefined && Object.hasOwn(entry.attributes, attribute)
        ? entry.attributes[attribute]
        : undefined,
    )
    .filter((value): value is string => typeof value === 'string');
}

/** The scale a level-typed fact's values belong to. */
export function scaleOf(context: RulesetContext, factId: string, depth = 0): string | undefined {
  const derive = context.facts.get(factId)?.derive;
  if (derive?.kind === 'maxLevel') return derive.scale;
  if (derive?.kind === 'firstKnown' && depth < 20) return scaleOf(context, derive.of[0] as string, depth + 1);
  return undefined;
}

/** A visitor's view of one condition node: the node and its path in the document. */
export interface ConditionVisit {
  readonly node: ConditionDefinition;
  readonly path: IssuePath;
}

/** Every condition tree in the document (rules, notes, named conditions), with its path. */
export function conditionRoots(document: RulesetDocument): ConditionVisit[] {
  return [
    ...(document.rules ?? []).map((rule, index) => ({ node: rule.when, path: ['rules', index, 'when'] })),
    ...(document.notes ?? []).map((note, index) => ({ node: note.when, path: ['notes', index, 'when'] })),
    ...Object.entries(document.conditions ?? {}).map(([name, condition]) => ({
      node: condition.when,
      path: ['conditions', name, 'when'],
    })),
  ];
}

/** Every node of a condition tree, depth first, without following named-condition references. */
export function* walkCondition(node: ConditionDefinition, path: IssuePath): Generator<ConditionVisit> {
  yield { node, path };
  if ('all' in node)
    for (const [index, child] of node.all.entries()) yield* walkCondition(child, [...path, 'all', index]);
  else if ('any' in node)
    for (const [index, child] of node.any.entries()) yield* walkCondition(child, [...path, 'any', index]);
  else if ('not' in node) yield* walkCondition(node.not, [...path, 'not']);
}

/** Whether a condition node is a comparison of a fact. */
export function isFactCondition(node: ConditionDefinition): node is FactConditionDefinition {
  return 'fact' in node;
}
