import type { IssuePath } from './issuePath';
import type { IssuePayloads } from './issuePayloads';

export type { IssuePath } from './issuePath';

/**
 * A stable, snake_case identifier of the kind of problem, e.g. `unrecognized_key` or `undeclared_fact`: one of a
 * closed set, each listed with where it is raised, an example path and the fix in `docs/issue-codes.md`.
 */
export type IssueCode = keyof IssuePayloads;

/** The issue of one code: its path, message and code, and the fields that code carries (`IssuePayloads`). */
export type IssueOf<C extends IssueCode> = {
  readonly path: IssuePath;
  readonly message: string;
  readonly code: C;
} & IssuePayloads[C];

/**
 * One problem found in a transaction, a ruleset document or a call's arguments: where (`path`), what (`code`, a
 * discriminant: `switch (issue.code)` narrows the issue to that code's fields), and a readable `message`.
 *
 * @example
 * for (const issue of error.issues) {
 *   if (issue.code === 'unrecognized_key') console.error(`${formatPath(issue.path)}: did you mean ${issue.suggestion}?`);
 *   else console.error(`${formatPath(issue.path)}: ${issue.message}`);
 * }
 */
export type Issue<C extends IssueCode = IssueCode> = { readonly [K in C]: IssueOf<K> }[C];

/** Renders a path as a JSON Pointer-like string, e.g. `/rules/3/when/all/1`, or `/` for the root. */
export function formatPath(path: IssuePath): string {
  return path.length === 0 ? '/' : path.map((segment) => `/${String(segment)}`).join('');
}

/** Sorts issues by path (numerically for indexes), then by code, so reports are stable. */
export function sortIssues<T extends Issue>(issues: readonly T[]): T[] {
  return [...issues].sort((a, b) => comparePaths(a.path, b.path) || a.code.localeCompare(b.code));
}

function comparePaths(a: IssuePath, b: IssuePath): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a[i] as string | number;
    const y = b[i] as string | number;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x).localeCompare(String(y));
  }
  return a.length - b.length;
}

/** Lists issues one per line for an error message. */
export function describeIssues(issues: readonly Issue[]): string {
  return issues.map((issue) => `  ${formatPath(issue.path)}: ${issue.message} [${issue.code}]`).join('\n');
}

/** Puts issues found in a part of something (an overlay, an option) under that part's path. */
export function issuesUnder(prefix: IssuePath, issues: readonly Issue[]): Issue[] {
  return issues.map((issue) => ({ ...issue, path: [...prefix, ...issue.path] }));
}

/** The most issues listed for one transaction in an output line or a response, so it stays small whatever the input. */
export const MOST_LISTED_ISSUES = 100;

/** The first `MOST_LISTED_ISSUES` issues, and then one more (`more_issues`) saying how many were left out. */
export function listedIssues(issues: readonly Issue[]): readonly Issue[] {
  if (issues.length <= MOST_LISTED_ISSUES) return issues;
  const more = issues.length - MOST_LISTED_ISSUES;
  return [
    ...issues.slice(0, MOST_LISTED_ISSUES),
    {
      path: [],
      code: 'more_issues',
      omitted: more,
      message: `… and ${more.toLocaleString('en')} more issues, not listed.`,
    },
  ];
}
