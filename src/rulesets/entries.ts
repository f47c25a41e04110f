import { isInForce } from '../time/dates';
import type { RulesetSummary } from '../types/registry';
import type { RulesetDocument } from '../types/ruleset';

/** A document known to a registry, with the hash assessments record it by. */
export interface Entry {
  readonly document: RulesetDocument;
  readonly sha256: string;
  /** The earlier versions of the same id that it replaced. */
  readonly replaces: readonly string[];
  /** The version that replaced this one; while it is `undefined`, dates can select the entry. */
  replacedBy: string | undefined;
}

/** Whether a date can select the entry: no later registration or release replaced it. */
export const isCurrent = (entry: Entry): boolean => entry.replacedBy === undefined;

/** The base versions of `id` a date can select; with `all`, the replaced ones too. */
export function basesOf(entries: readonly Entry[], id: string, all = false): Entry[] {
  return entries.filter(
    (entry) => entry.document.kind === 'base' && entry.document.id === id && (all || isCurrent(entry)),
  );
}

/** The overlays on the base `id` that a date can select and that are in force on `date`. */
export function overlaysOn(entries: readonly Entry[], id: string, date: string): Entry[] {
  return entries.filter(
    (entry) =>
      isCurrent(entry) &&
      entry.document.kind === 'overlay' &&
      entry.document.extends === id &&
      isInForce(entry.document.validity, date),
  );
}

/** An entry as `RulesetRegistry.list()` describes it. */
export function summarise(entry: Entry): RulesetSummary {
  const { document } = entry;
  return {
    id: document.id,
    version: document.version,
    kind: document.kind,
    ...(document.extends === undefined ? {} : { extends: document.extends }),
    ...(document.appliesTo === undefined ? {} : { memberStates: document.appliesTo.memberStates }),
    title: document.title,
    validity: document.validity,
    sha256: entry.sha256,
    selectable: isCurrent(entry),
    ...(entry.replacedBy === undefined ? {} : { replacedBy: entry.replacedBy }),
    ...(entry.replaces.length === 0 ? {} : { replaces: [...entry.replaces] }),
  };
}
