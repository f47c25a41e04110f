import type { Issue } from '../../errors/issue';
import type { RulesetContext } from '../rulesetContext';

/** A threshold is a number, or a level of the scale it names. */
export function checkThresholds(context: RulesetContext): Issue[] {
  const issues: Issue[] = [];
  for (const [id, threshold] of Object.entries(context.document.thresholds ?? {})) {
    const path = ['thresholds', id];
    if (typeof threshold.value === 'number') {
      if (threshold.scale !== undefined)
        issues.push({
          path: [...path, 'scale'],
          code: 'invalid_threshold',
          message: 'A numeric threshold has no scale.',
        });
      continue;
    }
    if (threshold.scale === undefined) {
      issues.push({
        path: [...path, 'scale'],
        code: 'invalid_threshold',
        message: `The level "${threshold.value}" needs the "scale" it belongs to.`,
      });
      continue;
    }
    const levels = context.scaleLevels.get(threshold.scale);
    if (levels === undefined)
      issues.push({
        path: [...path, 'scale'],
        code: 'undeclared_scale',
        scale: threshold.scale,
        message: `The scale "${threshold.scale}" is not declared in "scales".`,
      });
    else if (!levels.includes(threshold.value)) {
      issues.push({
        path: [...path, 'value'],
        code: 'invalid_threshold',
        message:
          `"${threshold.value}" is not a level of the scale "${threshold.scale}" (levels: ` + `${levels.join(', ')}).`,
      });
    }
  }
  return issues;
}
