import type { Issue } from '../../errors/issue';
import type { RulesetContext } from '../rulesetContext';

/** Every duty an outcome lists is declared, and every declared duty is carried by some outcome. */
export function checkDuties({ document }: RulesetContext): Issue[] {
  const issues: Issue[] = [];
  const declared = document.duties ?? {};
  const used = new Set<string>();
  for (const [outcome, definition] of Object.entries(document.outcomes ?? {})) {
    (definition.duties ?? []).forEach((duty, index) => {
      used.add(duty);
      if (!Object.hasOwn(declared, duty))
        issues.push({
          path: ['outcomes', outcome, 'duties', index],
          code: 'undeclared_duty',
          duty,
          message: `The duty "${duty}" is not declared in "duties".`,
        });
    });
  }
  for (const duty of Object.keys(declared)) {
    if (!used.has(duty))
      issues.push({
        path: ['duties', duty],
        code: 'unused_duty',
        duty,
        message: `The duty "${duty}" is declared, but no outcome carries it (list it in an outcome's "duties").`,
      });
  }
  return issues;
}
