import { canonicalJson } from '../document/canonicalJson';
import type { Issue, IssuePath } from '../errors/issue';
import type { RulesetDocument, ValidityWindow } from '../types/ruleset';

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
 * allowed (an overlay may restate a source it cites); changing what the base says is a conflict.
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

function intersect(window: ValidityWindow | null, other: ValidityWindow): ValidityWindow | null {
  if (window === null) return null;
  const from = window.from > other.from ? window.from : other.from;
  const to =
    window.to === null ? other.to : other.to === null ? window.to : window.to < other.to ? window.to : other.to;
  return to !== null && to < from ? null : { from, to };
}
