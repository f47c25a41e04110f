import fc from 'fast-check';
import { attributeOf } from '../../compile/checks/attributeOf';
import { conditionRoots, isFactCondition, walkCondition } from '../../compile/rulesetContext';
import type { AttributeValue, Derivation, RulesetDocument } from '../../types/ruleset';
import { readRulesetDocument } from '../kitArguments';

/**
 * The completions of a ruleset's own data: the document with every catalogue attribute that a derivation reads and
 * that the catalogue records as not known (`null`) or leaves out given a value it could have (one of the catalogue's
 * `attributeValues`, a value another entry has, a value the rules compare with, a whole weight for a `sum`). What
 * the ruleset does not know is unknown like an unanswered transaction field: the outcome of every such completion
 * must be among the possible outcomes too. A weight a `sum` adds is completed only where it is `null` (the compiler
 * refuses one left out).
 */
export function dataCompletions(document: RulesetDocument): fc.Arbitrary<RulesetDocument> {
  readRulesetDocument(document, 'document');
  const holes = dataHoles(document);
  if (holes.length === 0) return fc.constant(document);
  return fc
    .tuple(...holes.map((hole) => fc.constantFrom(...hole.values)))
    .map((values) => completed(document, holes, values));
}

/**
 * Completions of a ruleset's own data that between them give every missing attribute each of its candidate values
 * (`dataCompletions`), none when nothing is missing: the k-th gives the h-th missing attribute its (k + h)-th value,
 * so that a value that matters is never left untried for want of luck.
 */
export function coveringDataCompletions(document: RulesetDocument): RulesetDocument[] {
  const holes = dataHoles(document);
  const count = Math.max(0, ...holes.map((hole) => hole.values.length));
  return Array.from({ length: count }, (_, k) =>
    completed(
      document,
      holes,
      holes.map((hole, h) => hole.values[(k + h) % hole.values.length] as AttributeValue),
    ),
  );
}

/** An attribute a derivation reads that the catalogue records as `null` or leaves out, with the values it may take. */
interface DataHole {
  readonly catalogue: string;
  readonly entry: number;
  readonly attribute: string;
  readonly values: readonly AttributeValue[];
}

function dataHoles(document: RulesetDocument): DataHole[] {
  const holes: DataHole[] = [];
  const seen = new Set<string>();
  for (const [factId, fact] of Object.entries(document.facts ?? {})) {
    const read = attributeRead(fact.derive);
    if (read === undefined || seen.has(`${read.catalogue}\u0000${read.attribute}`)) continue;
    seen.add(`${read.catalogue}\u0000${read.attribute}`);
    const catalogue = document.catalogues?.[read.catalogue];
    if (catalogue === undefined) continue;
    const given = catalogue.entries.map((entry) => attributeOf(entry, read.attribute));
    const values = candidates(
      read.kind === 'sum' ? 'weight' : (fact.type as Kind),
      given,
      comparedWith(document, factId),
      catalogue.attributeValues?.[read.attribute],
    );
    given.forEach((value, entry) => {
      if (value === null || (value === undefined && read.kind !== 'sum'))
        holes.push({ catalogue: read.catalogue, entry, attribute: read.attribute, values });
    });
  }
  return holes;
}

function completed(
  document: RulesetDocument,
  holes: readonly DataHole[],
  values: readonly AttributeValue[],
): RulesetDocument {
  const copy = structuredClone(document) as RulesetDocument & {
    catalogues: Record<string, { entries: { attributes?: Record<string, AttributeValue> }[] }>;
  };
  holes.forEach((hole, index) => {
    const entry = copy.catalogues[hole.catalogue]?.entries[hole.entry];
    if (entry !== undefined)
      entry.attributes = { ...entry.attributes, [hole.attribute]: values[index] as AttributeValue };
  });
  return copy;
}

type Kind = 'weight' | 'string' | 'number' | 'boolean' | 'list';

/** The catalogue attribute a derivation reads, if any. */
function attributeRead(
  derive: Derivation | undefined,
): { kind: Derivation['kind']; catalogue: string; attribute: string } | undefined {
  if (derive === undefined) return undefined;
  if (derive.kind === 'sum' || derive.kind === 'collect' || derive.kind === 'lookup')
    return { kind: derive.kind, catalogue: derive.catalogue, attribute: derive.attribute };
  if (derive.kind === 'firstMemberOf' && derive.attribute !== undefined)
    return { kind: derive.kind, catalogue: derive.catalogue, attribute: derive.attribute };
  return undefined;
}

/** The values the ruleset's comparisons (and numeric thresholds) compare a fact with. */
function comparedWith(document: RulesetDocument, factId: string): unknown[] {
  const values: unknown[] = [];
  for (const root of conditionRoots(document))
    for (const { node } of walkCondition(root.node, root.path)) {
      if (!isFactCondition(node) || node.fact !== factId) continue;
      const value = node.value;
      if (Array.isArray(value)) values.push(...value);
      else if (typeof value === 'object' && value !== null && 'threshold' in value)
        values.push(document.thresholds?.[value.threshold]?.value);
      else values.push(value);
    }
  return values;
}

/** The values a missing attribute may be completed with, for the type the derivation reads. */
function candidates(
  kind: Kind,
  given: readonly (AttributeValue | undefined)[],
  compared: readonly unknown[],
  declared: readonly string[] | undefined,
): readonly AttributeValue[] {
  if (kind === 'boolean') return [true, false];
  if (kind === 'weight' || kind === 'number') {
    const numbers = [...given, ...compared].filter((value): value is number => typeof value === 'number');
    const top = Math.ceil(Math.max(1, ...numbers.map(Math.abs))) + 1;
    // Weights: every whole number up to one more than any weight or compared value (at most 25 of them).
    if (kind === 'weight') return Array.from({ length: Math.min(top, 24) + 1 }, (_, weight) => weight);
    return [...new Set([0, ...numbers, top])];
  }
  const strings = declared ?? [...given, ...compared, 'unrecorded-value'].filter((value) => typeof value === 'string');
  return [...new Set(strings as string[])];
}
