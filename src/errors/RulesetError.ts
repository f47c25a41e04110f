import { describeIssues, sortIssues, type Issue } from './issue';

/**
 * Thrown by `compileRuleset` when a ruleset document fails schema or semantic validation: every problem is listed in `issues`, each with its path in the document.
 */
export class RulesetError extends Error {
  override readonly name = 'RulesetError';
  /** Every problem found, sorted by path. */
  readonly issues: readonly Issue[];
  /** The document's id, when it has a readable one. */
  readonly rulesetId: string | undefined;

  constructor(issues: readonly Issue[], rulesetId?: string) {
    const sorted = sortIssues(issues);
    const name = rulesetId === undefined ? 'ruleset document' : `ruleset ${rulesetId}`;
    super(
      `The ${name} is not valid (${sorted.length} ` +
        `${sorted.length === 1 ? 'issue' : 'issues'}):\n${describeIssues(sorted)}`,
    );
    this.issues = sorted;
    this.rulesetId = rulesetId;
  }
}
