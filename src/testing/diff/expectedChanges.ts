import { describeValue } from '../../errors/describeValue';
import type { Issue } from '../../errors/issue';
import { OUTCOMES, type Outcome } from '../../types/outcome';
import { at, checkFile, unknownKey } from '../fileIssues';
import { readShaped } from '../kitArguments';
import type { OutcomeChange, RulesetDiff } from './diffRulesets';
import { expectedChangesSchema, rulesetDiffSchema } from './diffSchemas';

/** An outcome change a reviewer has accepted, with the reason (e.g. the provision or guidance that causes it). */
export interface ExpectedChange {
  readonly before: Outcome;
  readonly after: Outcome;
  readonly reason: string;
}

/** The expected-changes file of `dual-use-rules diff --expect`: every outcome change the update is meant to make. */
export interface ExpectedChanges {
  readonly changes: readonly ExpectedChange[];
}

/** How a diff compares with the expected changes. */
export interface ExpectationCheck {
  /** Outcome changes the file does not list: each needs a review (and a line in the file) before the update is adopted. */
  readonly unexpected: readonly OutcomeChange[];
  /** Listed changes no generated transaction showed (more runs may find them, or the file is out of date). */
  readonly unobserved: readonly ExpectedChange[];
}

/**
 * Reads an expected-changes file (parsed JSON), checking its shape.
 * @throws {AssessmentError} `invalid_argument`, its issues naming each problem with its path in the file.
 */
export function parseExpectedChanges(value: unknown): ExpectedChanges {
  checkFile('expected-changes file', value, fileProblems);
  return value as ExpectedChanges;
}

function fileProblems(value: unknown): Issue[] {
  const changes = (value as { changes?: unknown } | null)?.changes;
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !Array.isArray(changes))
    return [
      at(
        '',
        'An expected-changes file is a JSON object with a "changes" list: { "changes": [{ "before": ' +
          '"no_obligation", "after": "insufficient_information", "reason": "…" }] }.',
      ),
    ];
  return changes.flatMap((change: unknown, index) => {
    const entry = (typeof change === 'object' && change !== null ? change : {}) as Record<string, unknown>;
    const problems: Issue[] = [];
    for (const key of ['before', 'after'] as const) {
      if (!(OUTCOMES as readonly unknown[]).includes(entry[key]))
        problems.push(
          at(
            `/changes/${index}/${key}`,
            `expected one of ${OUTCOMES.join(', ')}, not ${describeValue(entry[key])}`,
            OUTCOMES,
          ),
        );
    }
    if (typeof entry['reason'] !== 'string' || entry['reason'].trim() === '')
      problems.push(at(`/changes/${index}/reason`, 'say why this change is expected'));
    for (const key of Object.keys(entry))
      if (!['before', 'after', 'reason'].includes(key)) problems.push(unknownKey(`/changes/${index}`, key));
    return problems;
  });
}

/** Which outcome changes of a diff the file does not list, and which listed ones did not show. */
export function checkExpectedChanges(diff: RulesetDiff, expected: ExpectedChanges): ExpectationCheck {
  readShaped(diff, rulesetDiffSchema, ['diff'], 'a diff from diffRulesets()');
  readShaped(expected, expectedChangesSchema, ['expected'], 'expected changes from parseExpectedChanges()');
  const listed = (change: { before: Outcome; after: Outcome }) =>
    expected.changes.some((entry) => entry.before === change.before && entry.after === change.after);
  return {
    unexpected: diff.changes.filter((change) => !listed(change)),
    unobserved: expected.changes.filter(
      (entry) => !diff.changes.some((change) => change.before === entry.before && change.after === entry.after),
    ),
  };
}
