import { isInForce, nextDay, previousDay } from '../time/dates';
import type { RulesetComposition } from '../types/registry';
import { compose } from './compose';
import { basesOf, isCurrent, overlaysOn, type Entry } from './entries';

/**
 * `RulesetRegistry.compositions` over a registry's entries: the stretches of legal time on which a date selects the
 * same base version with the same overlays, in date order. A stretch starts wherever a related window starts or ends.
 */
export function compositionsOf(entries: readonly Entry[], id: string): RulesetComposition[] {
  const related = entries.filter(
    (entry) => isCurrent(entry) && (entry.document.id === id || entry.document.extends === id),
  );
  const starts = [
    ...new Set(
      related.flatMap(({ document: { validity } }) =>
        validity.to === null ? [validity.from] : [validity.from, nextDay(validity.to)],
      ),
    ),
  ].sort();
  const found: { base: Entry; overlays: Entry[]; from: string; to: string | null }[] = [];
  starts.forEach((date, index) => {
    const base = basesOf(entries, id).find((entry) => isInForce(entry.document.validity, date));
    if (base === undefined) return;
    const overlays = overlaysOn(entries, id, date);
    const next = starts[index + 1];
    const to = next === undefined ? null : previousDay(next);
    const previous = found.at(-1);
    if (
      previous !== undefined &&
      previous.base === base &&
      sameEntries(previous.overlays, overlays) &&
      previous.to === previousDay(date)
    )
      previous.to = to;
    else found.push({ base, overlays, from: date, to });
  });
  return found.map(({ base, overlays, from, to }) => ({
    id,
    version: base.document.version,
    overlays: overlays.map((overlay) => ({ id: overlay.document.id, version: overlay.document.version })),
    validity: { from, to },
    load: () => compose(base, overlays),
  }));
}

function sameEntries(a: readonly Entry[], b: readonly Entry[]): boolean {
  return a.length === b.length && a.every((entry, index) => entry === b[index]);
}
