import type { ConditionDefinition, RulesetDocument } from '../../src/index';
import { getAnswer, type Draft } from './answers';

/**
 * A question that matters only once earlier answers are known: the ruleset reads its fact only as a later choice of a
 * `firstMemberOf` derivation (e.g. the member state where the items are located, read when the exporter's country is
 * not a member state), so it cannot change anything until every earlier fact of that derivation is known and not a
 * member of the catalogue.
 */
interface Fallback {
  /** The facts read before it, in order. */
  readonly before: readonly string[];
  /** The ids of the catalogue those facts are checked against. */
  readonly members: ReadonlySet<string>;
}

/**
 * For each input fact that the ruleset reads only as a fallback, the ways it is read. Facts read by any rule, named
 * condition, note, the authority lookup or another kind of derivation are always asked and are not listed.
 */
export function fallbackFacts(document: RulesetDocument): ReadonlyMap<string, readonly Fallback[]> {
  const direct = new Set<string>();
  const visit = (condition: ConditionDefinition): void => {
    if ('all' in condition) condition.all.forEach(visit);
    else if ('any' in condition) condition.any.forEach(visit);
    else if ('not' in condition) visit(condition.not);
    else if ('fact' in condition) direct.add(condition.fact);
  };
  for (const rule of document.rules ?? []) visit(rule.when);
  for (const named of Object.values(document.conditions ?? {})) visit(named.when);
  for (const note of document.notes ?? []) visit(note.when);
  if (document.authority !== undefined) direct.add(document.authority.memberStateFact);

  const fallbacks = new Map<string, Fallback[]>();
  for (const fact of Object.values(document.facts ?? {})) {
    const derive = fact.derive;
    if (derive === undefined) continue;
    if (derive.kind !== 'firstMemberOf') {
      if (derive.kind === 'lookup') direct.add(derive.key);
      else if (derive.kind === 'firstKnown') derive.of.forEach((id) => direct.add(id));
      else direct.add(derive.of);
      continue;
    }
    const [first, ...later] = derive.of;
    if (first !== undefined) direct.add(first);
    const members = new Set((document.catalogues?.[derive.catalogue]?.entries ?? []).map((entry) => entry.id));
    later.forEach((id, index) => fallbacks.set(id, [...(fallbacks.get(id) ?? []), { before: derive.of.slice(0, index + 1), members }]));
  }
  for (const id of direct) fallbacks.delete(id);
  return fallbacks;
}

/**
 * The input facts that cannot matter for this draft yet: each is read only as a fallback whose earlier facts are not
 * all known non-members (for the bundled ruleset: the items' location, while the exporter's country is unknown or a
 * member state). The questionnaire hides them; they appear as soon as an answer makes them matter.
 */
export function irrelevantFacts(document: RulesetDocument, draft: Draft): Set<string> {
  const isInput = (id: string) => document.facts?.[id]?.derive === undefined;
  const hidden = new Set<string>();
  for (const [fact, uses] of fallbackFacts(document)) {
    const matters = uses.some((use) =>
      use.before.every((earlier) => {
        if (!isInput(earlier)) return true; // a derived fact: it may be anything, so the fallback may matter
        const value = getAnswer(draft, earlier);
        return typeof value === 'string' && !use.members.has(value);
      }),
    );
    if (!matters) hidden.add(fact);
  }
  return hidden;
}
