import type { Issue } from '../../errors/issue';
import type { RulesetContext } from '../rulesetContext';

/** Outcomes used by rules and the fallback must be declared, and no two outcomes may share a precedence. */
export function checkOutcomes({ document }: RulesetContext): Issue[] {
  const outcomes = document.outcomes;
  if (outcomes === undefined) return [];
  const issues: Issue[] = [];
  const declared = new Set(Object.keys(outcomes));
  const byPrecedence = new Map<number, string>();
  for (const [outcome, definition] of Object.entries(outcomes)) {
    const other = byPrecedence.get(definition.precedence);
    if (other !== undefined) {
      issues.push({
        path: ['outcomes', outcome, 'precedence'],
        code: 'duplicate_precedence',
        other,
        precedence: definition.precedence,
        message:
          `Precedence ${definition.precedence} is also that of "${other}"; precedence must rank ` +
          `outcomes strictly.`,
      });
    }
    byPrecedence.set(definition.precedence, outcome);
  }
  const require = (outcome: string, path: (string | number)[]) => {
    if (!declared.has(outcome))
      issues.push({
        path,
        code: 'undeclared_outcome',
        outcome,
        message: `The outcome "${outcome}" is not declared in "outcomes".`,
      });
  };
  if (document.undecided !== undefined) require(document.undecided, ['undecided']);
  if (document.fallback !== undefined) require(document.fallback.outcome, ['fallback', 'outcome']);
  (document.rules ?? []).forEach((rule, index) => require(rule.outcome, ['rules', index, 'outcome']));
  return issues;
}
