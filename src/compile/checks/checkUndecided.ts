import type { Issue } from '../../errors/issue';
import { UNDECIDED_OUTCOME } from '../../types/outcome';
import type { RulesetContext } from '../rulesetContext';

/**
 * The undecided outcome is one no rule decides with nothing left to ask, so an open case never reads as a decision:
 * - it is `insufficient_information`, the outcome the output contract defines as "not settled yet" (`undecided` set to
 *   `no_obligation` would report "nothing to do" while an authorisation is still possible);
 * - the fallback does not decide it: the fallback holds when no rule does, with no question to ask.
 *
 * A rule that decides it must say what to ask (`missing_ask`, in `checkConditions`), so every assessment reporting it
 * carries a question.
 */
export function checkUndecided({ document }: RulesetContext): Issue[] {
  const { undecided, fallback } = document;
  if (undecided === undefined) return [];
  const issues: Issue[] = [];
  if (undecided !== UNDECIDED_OUTCOME)
    issues.push({
      path: ['undecided'],
      code: 'undecided_not_open',
      message:
        `The undecided outcome must be "${UNDECIDED_OUTCOME}", the outcome that says the answer is not settled ` +
        `yet. With "${undecided}", an assessment whose facts still leave several outcomes possible would report ` +
        `"${undecided}" as if it were decided.`,
    });
  if (fallback?.outcome === undecided)
    issues.push({
      path: ['fallback', 'outcome'],
      code: 'undecided_fallback',
      message:
        `The fallback decides "${undecided}", the undecided outcome, when no rule holds: the assessment would ` +
        `report an open case with no question to answer. Give the fallback the outcome that holds when nothing ` +
        `applies.`,
    });
  return issues;
}
