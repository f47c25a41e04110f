/** Where a problem is, as a list of object keys and array indexes from the document's root. */
export type IssuePath = readonly (string | number)[];

/** One problem found in a transaction or a ruleset document. */
export interface Issue {
  readonly path: IssuePath;
  readonly message: string;
  /** A stable, snake_case identifier of the kind of problem, e.g. `unrecognized_key` or `undeclared_fact`. */
  readonly code: string;
}

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

/** The most issues listed for one transaction in an output line or a response, so it stays small whatever the input. */
export const MOST_LISTED_ISSUES = 100;

/** The first `MOST_LISTED_ISSUES` issues, and then one more (`more_issues`) saying how many were left out. */
export function listedIssues(issues: readonly Issue[]): readonly Issue[] {
  if (issues.length <= MOST_LISTED_ISSUES) return issues;
  const more = issues.length - MOST_LISTED_ISSUES;
  return [
    ...issues.slice(0, MOST_LISTED_ISSUES),
    { path: [], code: 'more_issues', message: `… and ${more.toLocaleString('en')} more issues, not listed.` },
  ];
}
