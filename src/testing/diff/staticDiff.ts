import { canonicalJson } from '../../document/canonicalJson';
import type { IssuePath } from '../../errors/issue';
import { RulesetError } from '../../errors/RulesetError';
import type { RulesetDocument } from '../../types/ruleset';
import { rulesetDocumentIssues } from '../kitArguments';

/** The parts of a ruleset the static diff compares, each item by its id or key. */
export type RulesetSection =
  | 'validity'
  | 'sources'
  | 'outcomes'
  | 'undecided'
  | 'fallback'
  | 'authority'
  | 'scales'
  | 'catalogues'
  | 'catalogueEntries'
  | 'thresholds'
  | 'facts'
  | 'conditions'
  | 'rules'
  | 'notes';

/** One item added, removed or changed between two rulesets. */
export interface StaticChange {
  readonly change: 'added' | 'removed' | 'changed';
  readonly section: RulesetSection;
  /** The item's id or key (`catalogue/entry` for catalogue entries; the section name for single-valued sections). */
  readonly id: string;
  /** Where the item is: in the after document, or in the before document when removed. */
  readonly path: IssuePath;
  /** For a changed item: its properties that differ, e.g. `['when', 'citation']`. */
  readonly fields?: readonly string[];
  /** For thresholds, outcome precedence and single values: the value before and after. */
  readonly before?: unknown;
  readonly after?: unknown;
}

type Keyed = Readonly<Record<string, unknown>>;

/**
 * Compares two (composed) ruleset documents item by item: rules and notes by id, facts, thresholds, catalogues,
 * scales, sources and named conditions by key, catalogue entries by catalogue and id, plus the single-valued parts.
 * Reordering alone is no change; the content of an item is compared as canonical JSON.
 * @throws {RulesetError} when either is not a ruleset document the schema accepts (paths under `before` or `after`).
 */
export function staticDiff(before: RulesetDocument, after: RulesetDocument): StaticChange[] {
  const issues = [...rulesetDocumentIssues(before, 'before'), ...rulesetDocumentIssues(after, 'after')];
  if (issues.length > 0) throw new RulesetError(issues);
  const changes: StaticChange[] = [];
  for (const section of ['validity', 'undecided', 'fallback', 'authority'] as const) {
    const [a, b] = [before[section], after[section]];
    if (same(a, b)) continue;
    const change = a === undefined ? 'added' : b === undefined ? 'removed' : 'changed';
    const objects = typeof a === 'object' && typeof b === 'object';
    changes.push({
      change,
      section,
      id: section,
      path: [section],
      ...(objects ? { fields: changedFields(a, b) } : {}),
      ...(a === undefined ? {} : { before: a }),
      ...(b === undefined ? {} : { after: b }),
    });
  }
  for (const section of ['sources', 'outcomes', 'scales', 'catalogues', 'thresholds', 'facts', 'conditions'] as const) {
    changes.push(
      ...compareKeyed(section, (before[section] ?? {}) as Keyed, (after[section] ?? {}) as Keyed, (key) => [
        section,
        key,
      ]),
    );
  }
  const beforeCatalogues = before.catalogues ?? {};
  const afterCatalogues = after.catalogues ?? {};
  for (const catalogue of union(Object.keys(beforeCatalogues), Object.keys(afterCatalogues))) {
    const entries = (document: RulesetDocument) => document.catalogues?.[catalogue]?.entries ?? [];
    changes.push(
      ...compareListed('catalogueEntries', entries(before), entries(after), (index) => [
        'catalogues',
        catalogue,
        'entries',
        index,
      ]).map((change) => ({ ...change, id: `${catalogue}/${change.id}` })),
    );
  }
  changes.push(...compareListed('rules', before.rules ?? [], after.rules ?? [], (index) => ['rules', index]));
  changes.push(...compareListed('notes', before.notes ?? [], after.notes ?? [], (index) => ['notes', index]));
  return changes;
}

function compareKeyed(
  section: RulesetSection,
  before: Keyed,
  after: Keyed,
  pathOf: (key: string) => IssuePath,
): StaticChange[] {
  return union(Object.keys(before), Object.keys(after)).flatMap((key): StaticChange[] => {
    const [a, b] = [before[key], after[key]];
    if (a === undefined)
      return [{ change: 'added', section, id: key, path: pathOf(key), ...valueOf(section, undefined, b) }];
    if (b === undefined)
      return [{ change: 'removed', section, id: key, path: pathOf(key), ...valueOf(section, a, undefined) }];
    if (same(a, b)) return [];
    return [
      {
        change: 'changed',
        section,
        id: key,
        path: pathOf(key),
        fields: changedFields(a, b),
        ...valueOf(section, a, b),
      },
    ];
  });
}

function compareListed(
  section: RulesetSection,
  before: readonly { readonly id: string }[],
  after: readonly { readonly id: string }[],
  pathOf: (index: number) => IssuePath,
): StaticChange[] {
  const changes: StaticChange[] = [];
  before.forEach((item, index) => {
    if (!after.some((other) => other.id === item.id))
      changes.push({ change: 'removed', section, id: item.id, path: pathOf(index) });
  });
  after.forEach((item, index) => {
    const previous = before.find((other) => other.id === item.id);
    if (previous === undefined) changes.push({ change: 'added', section, id: item.id, path: pathOf(index) });
    else if (!same(previous, item))
      changes.push({
        change: 'changed',
        section,
        id: item.id,
        path: pathOf(index),
        fields: changedFields(previous, item),
      });
  });
  return changes;
}

/** The values worth showing inline: a threshold's value, an outcome's precedence. */
function valueOf(section: RulesetSection, before: unknown, after: unknown): { before?: unknown; after?: unknown } {
  const pick = section === 'thresholds' ? 'value' : section === 'outcomes' ? 'precedence' : undefined;
  if (pick === undefined) return {};
  const read = (item: unknown) => (item as Record<string, unknown> | undefined)?.[pick];
  return {
    ...(before === undefined ? {} : { before: read(before) }),
    ...(after === undefined ? {} : { after: read(after) }),
  };
}

function changedFields(before: unknown, after: unknown): string[] {
  const a = before as Keyed;
  const b = after as Keyed;
  return union(Object.keys(a), Object.keys(b)).filter((key) => !same(a[key], b[key]));
}

function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a ?? null) === canonicalJson(b ?? null);
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}
