import type { Issue } from '../errors/issue';
import type { RulesetDocument } from '../types/ruleset';
import { isCurrent, type Entry } from './entries';
import { windowIssues } from './windows';

/**
 * What is wrong with adding `document` in place of the versions it `replaces`: versions that are not current, and
 * windows.
 */
export function replacementIssues(
  entries: readonly Entry[],
  document: RulesetDocument,
  replaces: readonly string[],
): Issue[] {
  const issues: Issue[] = [];
  for (const version of replaces) {
    if (
      !entries.some(
        (entry) => isCurrent(entry) && entry.document.id === document.id && entry.document.version === version,
      )
    ) {
      issues.push({
        path: [],
        code: 'unknown_version',
        version,
        message:
          `replaces names version ${version} of "${document.id}", ` + 'which is not registered (or already replaced).',
      });
    }
  }
  issues.push(
    ...windowIssues(
      entries.filter((entry) => isCurrent(entry) && !replaces.includes(entry.document.version)),
      document,
      [],
    ),
  );
  return issues;
}

/** Marks the versions `entry` replaces, so dates no longer select them; returns the entry. */
export function replace(entries: readonly Entry[], entry: Entry): Entry {
  for (const other of entries)
    if (other.document.id === entry.document.id && entry.replaces.includes(other.document.version))
      other.replacedBy = entry.document.version;
  return entry;
}
