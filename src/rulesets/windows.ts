import type { Issue } from '../errors/issue';
import { describeWindow, nextDay, previousDay } from '../time/dates';
import type { RulesetDocument, ValidityWindow } from '../types/ruleset';
import type { Entry } from './entries';

/** "1.0.0: 2021-09-09 to 2024-10-15; 2.0.0: from 2024-10-16", in date order. */
export function describeWindows(documents: readonly RulesetDocument[]): string {
  return [...documents]
    .sort((a, b) => a.validity.from.localeCompare(b.validity.from))
    .map((document) => `${document.version}: ${describeWindow(document.validity)}`)
    .join('; ');
}

/** Versions of one id must tile legal time: no two windows share a day, and none leaves a day uncovered between them. */
export function windowIssues(entries: readonly Entry[], document: RulesetDocument, path: Issue['path']): Issue[] {
  const siblings = entries.filter((entry) => entry.document.id === document.id).map((entry) => entry.document);
  if (siblings.length === 0) return [];
  const all = [...siblings, document].sort((a, b) => a.validity.from.localeCompare(b.validity.from));
  const windows = describeWindows(all);
  const issues: Issue[] = [];
  for (let index = 1; index < all.length; index++) {
    const [before, after] = [all[index - 1] as RulesetDocument, all[index] as RulesetDocument];
    if (before !== document && after !== document) continue;
    if (before.validity.to === null || before.validity.to >= after.validity.from) {
      issues.push({
        path: [...path, 'validity'],
        code: 'overlapping_validity',
        other: before === document ? after.version : before.version,
        version: document.version,
        message:
          `The validity of "${document.id}" ${document.version} overlaps that of version ` +
          `${before === document ? after.version : before.version}; versions of one ruleset must not ` +
          `overlap (${windows}). Close the earlier window, or register with replaces.`,
      });
    } else if (nextDay(before.validity.to) !== after.validity.from) {
      issues.push({
        path: [...path, 'validity'],
        code: 'validity_gap',
        other: before === document ? after.version : before.version,
        version: document.version,
        message:
          `Between versions ${before.version} and ${after.version} of "${document.id}" no version is ` +
          `in force from ${nextDay(before.validity.to)} to ${previousDay(after.validity.from)}; ` +
          `versions must follow each other without a gap (${windows}).`,
      });
    }
  }
  return issues;
}

/** Whether two windows share at least one day. */
export function overlaps(a: ValidityWindow, b: ValidityWindow): boolean {
  return (a.to === null || b.from <= a.to) && (b.to === null || a.from <= b.to);
}
