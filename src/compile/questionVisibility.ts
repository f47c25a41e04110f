import type { FallbackCase, ShowWhen } from '../types/questions';
import type { ConditionDefinition, RulesetDocument } from '../types/ruleset';
import { derivationInputs } from './derivationInputs';
import { walkCondition } from './rulesetContext';

/** How one read of an input fact can matter: always, only as a fallback, or only beside the ruleset's own data. */
type Read =
  | { readonly kind: 'plain' }
  | { readonly kind: 'fallback'; readonly case: FallbackCase }
  | { readonly kind: 'beside' }
  | { readonly kind: 'guarded' };

/**
 * For each input fact that a form need not show at once, when it should show it (see `ShowWhen`), worked out from how
 * the ruleset reads it:
 * - a fact read only as a later choice of `firstMemberOf` derivations (e.g. where the items are, read when the
 *   exporter is not established in a member state) is a `fallback`: it cannot change anything until every earlier
 *   fact of one such derivation holds an answer outside the derivation's catalogue;
 * - a fact read only beside a fact that the ruleset derives itself, as an alternative to it (a later member of a
 *   `firstKnown` after a derived fact, or a comparison in an `any` group that also compares a derived fact, such as
 *   "in a part of the country outside the customs territory" beside the customs-territory data), is shown when
 *   `asked`: in most cases the ruleset's own data settles what it reads, and the assessment asks the fact when not;
 * - a fact read only as a question (`ask`) that a rule puts beside a comparison of another answer, such as "has the
 *   refused statement since been obtained" beside "a refusal is reported", is `guarded`, also shown when `asked`: it
 *   matters only once the other answer makes it, and the assessment then asks it. (A question that a rule asks
 *   beside other questions or named conditions only, such as the due-diligence steps, is shown at once.)
 * A fact read in any other way (by a rule or named condition, by the authority, or by another kind of derivation),
 * or read in two of these ways, is always shown and is not in the map. Notes, which only point to law outside the
 * decision, count only for a fact nothing else reads (it is then always shown).
 */
export function questionVisibility(document: RulesetDocument): ReadonlyMap<string, ShowWhen> {
  const facts = document.facts ?? {};
  const isDerived = (fact: string) => facts[fact]?.derive !== undefined;
  const reads = new Map<string, Read[]>();
  const read = (fact: string, how: Read) => {
    if (!isDerived(fact)) reads.set(fact, [...(reads.get(fact) ?? []), how]);
  };

  const visit = (condition: ConditionDefinition, besideDerived: boolean, guarded = false): void => {
    if ('all' in condition) {
      // An `ask` comparison is guarded by any comparison of an answer beside it (never itself: that one is no `ask`).
      const guard = condition.all.some((other) => 'fact' in other && other.ask !== true && !isDerived(other.fact));
      for (const child of condition.all) visit(child, false, guard);
    } else if ('any' in condition) {
      const derivedSibling = condition.any.some((child) => 'fact' in child && isDerived(child.fact));
      for (const child of condition.any) visit(child, derivedSibling);
    } else if ('not' in condition) visit(condition.not, false);
    else if ('fact' in condition)
      read(
        condition.fact,
        besideDerived
          ? { kind: 'beside' }
          : guarded && condition.ask === true
            ? { kind: 'guarded' }
            : { kind: 'plain' },
      );
  };
  for (const rule of document.rules ?? []) visit(rule.when, false);
  for (const named of Object.values(document.conditions ?? {})) visit(named.when, false);
  if (document.authority !== undefined) read(document.authority.memberStateFact, { kind: 'plain' });

  for (const fact of Object.values(facts)) {
    const derive = fact.derive;
    if (derive === undefined) continue;
    if (derive.kind === 'firstMemberOf') {
      const members = (document.catalogues?.[derive.catalogue]?.entries ?? []).map((entry) => entry.id);
      derive.of.forEach((id, index) => {
        const after = derive.of.slice(0, index);
        // An earlier choice the ruleset derives may hold anything, so a later one may always matter.
        read(
          id,
          index === 0 || after.some(isDerived)
            ? { kind: 'plain' }
            : { kind: 'fallback', case: { after, except: members } },
        );
      });
    } else if (derive.kind === 'firstKnown') {
      derive.of.forEach((id, index) =>
        read(id, derive.of.slice(0, index).some(isDerived) ? { kind: 'beside' } : { kind: 'plain' }),
      );
    } else for (const id of derivationInputs(derive)) read(id, { kind: 'plain' });
  }

  // A note only points to other law: it makes a fact worth showing only when nothing that decides reads the fact.
  for (const note of document.notes ?? [])
    for (const { node } of walkCondition(note.when, []))
      if ('fact' in node && !reads.has(node.fact)) read(node.fact, { kind: 'plain' });

  const visibility = new Map<string, ShowWhen>();
  for (const [fact, found] of reads) {
    if (found.every((how) => how.kind === 'beside' || how.kind === 'guarded')) visibility.set(fact, { kind: 'asked' });
    else if (found.every((how) => how.kind === 'fallback'))
      visibility.set(fact, { kind: 'fallback', cases: found.map((how) => how.case) });
  }
  return visibility;
}
