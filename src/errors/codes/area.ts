import type { IssuePath } from '../issuePath';

/** How one issue code is documented (the rows of `docs/issue-codes.md`). */
export interface IssueCodeDoc {
  /** What the code means, in one sentence. */
  readonly means: string;
  /** The modules that raise it, as paths under `src/` without `.ts` (e.g. `compile/checks/checkFacts`). */
  readonly raisedIn: readonly string[];
  /** A path at which it can be reported. */
  readonly example: IssuePath;
  /** What to do about it. */
  readonly fix: string;
}

/**
 * A family of issue codes, as documented: a title, who reports them (which error, which calls), and every code of
 * the family's payload interface `P`, none left out (a code without its entry does not compile).
 */
export interface IssueArea<P> {
  readonly title: string;
  readonly reportedBy: string;
  readonly codes: { readonly [K in keyof P]: IssueCodeDoc };
}
