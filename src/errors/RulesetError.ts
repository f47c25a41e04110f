import { CodedError } from './CodedError';
import { describeIssues, sortIssues, type Issue } from './issue';

/**
 * Thrown by `compileRuleset` (and a registry's `register`) when a ruleset document fails schema or semantic
 * validation, or is not JSON at all: every problem is listed in `issues`, each with its path in the document.
 */
export class RulesetError extends CodedError<'invalid_ruleset'> {
  override readonly name = 'RulesetError';
  /** The document's id, when it has a readable one. */
  readonly rulesetId: string | undefined;

  constructor(issues: readonly Issue[], rulesetId?: string) {
    const sorted = sortIssues(issues);
    const name = rulesetId === undefined ? 'ruleset document' : `ruleset ${rulesetId}`;
    super(
      'invalid_ruleset',
      `The ${name} is not valid (${sorted.length} ${sorted.length === 1 ? 'issue' : 'issues'}):\n` +
        describeIssues(sorted),
      sorted,
    );
    this.rulesetId = rulesetId;
  }
}
