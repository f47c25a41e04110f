import type { Issue } from '../errors/issue';
import type { RulesetDocument } from '../types/ruleset';
import { isCurrent, type Entry } from './entries';
import { compareVersions } from './versions';
import { overlaps, windowIssues } from './windows';

/**
 * What is wrong with adding `document` in place of the versions it `replaces`: versions that are not current, a
 * rollback (replacing a version that is not older, or adding a version older than one registered for the same legal
 * time), and windows.
 */
export function replacementIssues(
  entries: readonly Entry[],
  document: RulesetDocument,
  replaces: readonly string[],
): Issue[] {
  const issues: Issue[] = [];
  for (const version of replaces) {
    if (compareVersions(version, document.version) >= 0)
      issues.push({
        path: [],
        code: 'rollback',
        version,
        message:
          `replaces names version ${version} of "${document.id}", which is not older than ${document.version}: a ` +
          'version is only ever replaced by a newer one.',
      });
    else if (
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
  // Older than a version registered for the same legal time (current or since replaced): it would roll the registry back.
  const newer = entries
    .filter(
      (entry) =>
        entry.document.id === document.id &&
        overlaps(entry.document.validity, document.validity) &&
        compareVersions(entry.document.version, document.version) > 0,
    )
    .map((entry) => entry.document.version)
    .sort(compareVersions);
  if (newer.length > 0)
    issues.push({
      path: ['version'],
      code: 'rollback',
      version: document.version,
      message:
        `"${document.id}" ${document.version} is older than ${newer.join(', ')}, already registered for the same ` +
        `legal time: registering it would roll the registry back. Give a revision a version above ${newer.at(-1) ?? ''}.`,
    });
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
