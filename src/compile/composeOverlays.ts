import { canonicalJson } from '../document/canonicalJson';
import type { Issue, IssuePath } from '../errors/issue';
import type {
  AttributeValue,
  CatalogueDefinition,
  CatalogueEntryDefinition,
  RulesetDocument,
  ValidityWindow,
} from '../types/ruleset';

const KEYED_SECTIONS = ['sources', 'scales', 'catalogues', 'thresholds', 'facts', 'conditions'] as const;
const LISTED_SECTIONS = ['rules', 'notes'] as const;

/** A base document with its overlays merged in, and the means to trace a merged path back to the document it came from. */
export interface Composition {
  readonly document: RulesetDocument;
  /** Maps a path in the merged document to the path in the base (`[...]`) or an overlay (`['overlays', index, ...]`). */
  readonly locate: (path: IssuePath) => IssuePath;
  readonly issues: readonly Issue[];
}

/**
 * Adds overlays to a base ruleset. Overlays only add: rules and notes are appended in order; sources, scales,
 * catalogues, thresholds, facts and named conditions are added by key. Re-declaring a key with identical content is
 * allowed (an overlay may restate a source it cites); changing what the base says is a conflict. An overlay's
 * `attributes` state catalogue attributes the base records as not known (`null`): the composed entry takes the value
 * and the overlay's citation (in `attributeCitations`); a known attribute may only be restated with the same value.
 * The composed ruleset states the law only where every part does, so its validity is the intersection of theirs.
 */
export function composeOverlays(base: RulesetDocument, overlays: readonly RulesetDocument[]): Composition {
  if (overlays.length === 0) return { document: base, locate: (path) => path, issues: [] };
  const issues: Issue[] = [];
  const keyOrigin = new Map<string, number>();
  const listOrigin: Record<(typeof LISTED_SECTIONS)[number], { from: number; overlay: number }[]> = {
    rules: [],
    notes: [],
  };
  const merged: Record<string, unknown> = { ...base };

  for (const section of KEYED_SECTIONS) {
    const combined: Record<string, unknown> = { ...(base[section] ?? {}) };
    overlays.forEach((overlay, index) => {
      for (const [key, value] of Object.entries(overlay[section] ?? {})) {
        const existing = combined[key];
        if (existing !== undefined && canonicalJson(existing) !== canonicalJson(value)) {
          issues.push({
            path: ['overlays', index, section, key],
            code: 'overlay_conflict',
            overlay: overlay.id,
            message:
              `The overlay "${overlay.id}" redefines ${section}.${key}, which the base ruleset ` +
              `"${base.id}" (or an earlier overlay) already defines differently; overlays may only add.`,
          });
          continue;
        }
        if (existing === undefined) keyOrigin.set(`${section}\u0000${key}`, index);
        combined[key] = value;
      }
    });
    if (Object.keys(combined).length > 0) merged[section] = combined;
  }
  if (merged['catalogues'] !== undefined)
    merged['catalogues'] = stateAttributes(base, overlays, merged['catalogues'] as CatalogueMap, issues);
  for (const section of LISTED_SECTIONS) {
    const combined = [...(base[section] ?? [])];
    overlays.forEach((overlay, index) => {
      listOrigin[section].push({ from: combined.length, overlay: index });
      combined.push(...((overlay[section] ?? []) as never[]));
    });
    if (combined.length > 0) merged[section] = combined;
  }

  overlays.forEach((overlay, index) => {
    if (overlay.extends !== base.id) {
      issues.push({
        path: ['overlays', index, 'extends'],
        code: 'overlay_mismatch',
        overlay: overlay.id,
        message: `The overlay "${overlay.id}" extends "${overlay.extends ?? '(nothing)'}", not "${base.id}".`,
      });
    }
  });
  const validity = overlays.reduce<ValidityWindow | null>(
    (window, overlay) => intersect(window, overlay.validity),
    base.validity,
  );
  if (validity === null) {
    issues.push({
      path: ['overlays'],
      code: 'overlay_outside_validity',
      message:
        `No day lies within the validity of "${base.id}" ${base.version} and of every overlay; the ` +
        `composition would never be in force.`,
    });
  }
  merged['validity'] = validity ?? base.validity;

  const locate = (path: IssuePath): IssuePath => {
    const [section, key, ...rest] = path;
    if (typeof key === 'number' && (section === 'rules' || section === 'notes')) {
      const origin = [...listOrigin[section]].reverse().find((entry) => key >= entry.from);
      return origin === undefined ? path : ['overlays', origin.overlay, section, key - origin.from, ...rest];
    }
    const overlay = typeof key === 'string' ? keyOrigin.get(`${String(section)}\u0000${key}`) : undefined;
    return overlay === undefined ? path : ['overlays', overlay, section as string, key as string, ...rest];
  };
  return { document: merged as unknown as RulesetDocument, locate, issues };
}

type CatalogueMap = Readonly<Record<string, CatalogueDefinition>>;

/**
 * The catalogues with the overlays' attribute statements applied (copies of the entries they change; nothing given is
 * modified), reporting every statement that names nothing, contradicts a known value or an earlier overlay, or states
 * a member state's attribute that the overlay's `appliesTo` does not name.
 */
function stateAttributes(
  base: RulesetDocument,
  overlays: readonly RulesetDocument[],
  catalogues: CatalogueMap,
  issues: Issue[],
): CatalogueMap {
  const result: Record<string, CatalogueDefinition> = { ...catalogues };
  const statedBy = new Map<string, number>();
  overlays.forEach((overlay, index) => {
    (overlay.attributes ?? []).forEach((statement, position) => {
      const at: IssuePath = ['overlays', index, 'attributes', position];
      const catalogue = Object.hasOwn(result, statement.catalogue) ? result[statement.catalogue] : undefined;
      if (catalogue === undefined) {
        issues.push({
          path: [...at, 'catalogue'],
          code: 'undeclared_catalogue',
          catalogue: statement.catalogue,
          message: `The catalogue "${statement.catalogue}" is not declared by the base ruleset or an overlay.`,
        });
        return;
      }
      const entryIndex = catalogue.entries.findIndex((entry) => entry.id === statement.entry);
      const entry = catalogue.entries[entryIndex];
      if (entry === undefined) {
        issues.push({
          path: [...at, 'entry'],
          code: 'undeclared_catalogue_entry',
          catalogue: statement.catalogue,
          entry: statement.entry,
          message: `The catalogue "${statement.catalogue}" has no entry "${statement.entry}".`,
        });
        return;
      }
      const memberStates = overlay.appliesTo?.memberStates ?? [];
      if (base.authority?.catalogue === statement.catalogue && !memberStates.includes(statement.entry)) {
        issues.push({
          path: [...at, 'entry'],
          code: 'overlay_not_gated',
          memberStates,
          message:
            `"${statement.entry}" is not among the member states the overlay concerns ` +
            `(appliesTo: ${memberStates.join(', ') || 'none'}); an overlay states only their attributes.`,
        });
        return;
      }
      const allowed = catalogue.attributeValues?.[statement.attribute];
      if (allowed !== undefined && (typeof statement.value !== 'string' || !allowed.includes(statement.value))) {
        issues.push({
          path: [...at, 'value'],
          code: 'invalid_value',
          allowed,
          message:
            `${JSON.stringify(statement.value)} is not a value of "${statement.attribute}" in "${statement.catalogue}" ` +
            `(allowed: ${allowed.join(', ')}).`,
        });
        return;
      }
      const attributes = entry.attributes ?? {};
      const current: AttributeValue | undefined = Object.hasOwn(attributes, statement.attribute)
        ? attributes[statement.attribute]
        : undefined;
      const key = `${statement.catalogue}\u0000${statement.entry}\u0000${statement.attribute}`;
      const earlier = statedBy.get(key);
      if (current === undefined) {
        issues.push({
          path: [...at, 'attribute'],
          code: 'undeclared_attribute',
          attribute: statement.attribute,
          message:
            `The entry "${statement.entry}" of "${statement.catalogue}" has no attribute "${statement.attribute}"; ` +
            `an overlay states only attributes the base records as not known (null).`,
        });
      } else if (current !== null && current !== statement.value) {
        issues.push({
          path: [...at, 'value'],
          code: 'overlay_conflict',
          overlay: overlay.id,
          message:
            `${earlier === undefined ? `The base ruleset "${base.id}"` : `The overlay "${overlays[earlier]?.id ?? ''}"`} ` +
            `already states ${statement.catalogue}.${statement.entry}.${statement.attribute} as ` +
            `${JSON.stringify(current)}; overlays may only state what is not known.`,
        });
      } else if (current === null) {
        statedBy.set(key, index);
        const changed: CatalogueEntryDefinition = {
          ...entry,
          attributes: { ...attributes, [statement.attribute]: statement.value },
          attributeCitations: { ...entry.attributeCitations, [statement.attribute]: statement.citation },
        };
        const entries = [...catalogue.entries];
        entries[entryIndex] = changed;
        result[statement.catalogue] = { ...catalogue, entries };
      }
    });
  });
  return result;
}

function intersect(window: ValidityWindow | null, other: ValidityWindow): ValidityWindow | null {
  if (window === null) return null;
  const from = window.from > other.from ? window.from : other.from;
  const to =
    window.to === null ? other.to : other.to === null ? window.to : window.to < other.to ? window.to : other.to;
  return to !== null && to < from ? null : { from, to };
}
