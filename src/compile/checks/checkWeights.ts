import type { Issue, IssuePath } from '../../errors/issue';
import { isWeight, MAX_WEIGHT } from '../../model/weights';
import type { RulesetContext } from '../rulesetContext';
import { attributeOf } from './attributeOf';

/**
 * Every weight a `sum` adds is a whole number from 0 to `MAX_WEIGHT`, or `null` (not known, which leaves the sum
 * unknown): so a sum is exact and the same in every order of the ids, and one more id (a further red flag) never
 * makes it smaller. Checked on the composed ruleset, so a weight an overlay states is checked too.
 */
export function checkWeights(context: RulesetContext): Issue[] {
  const issues: Issue[] = [];
  const checked = new Set<string>();
  for (const [factId, fact] of context.facts) {
    const derive = fact.derive;
    if (derive?.kind !== 'sum') continue;
    const key = `${derive.catalogue}\u0000${derive.attribute}`;
    const catalogue = context.catalogues.get(derive.catalogue);
    if (catalogue === undefined || checked.has(key)) continue;
    checked.add(key);
    catalogue.entries.forEach((entry, index) => {
      const value = attributeOf(entry, derive.attribute);
      if (value === null || isWeight(value)) return;
      issues.push(
        weightProblem(value, factId, [
          'catalogues',
          derive.catalogue,
          'entries',
          index,
          'attributes',
          derive.attribute,
        ]),
      );
    });
  }
  return issues;
}

function weightProblem(value: unknown, factId: string, path: IssuePath): Issue {
  const expected = `a whole number from 0 to ${MAX_WEIGHT.toLocaleString('en')} (or null if it is not known)`;
  const at = { path, fact: factId };
  if (typeof value !== 'number')
    return {
      ...at,
      code: 'invalid_weight',
      message: `"${factId}" sums this attribute, so every entry needs it as ${expected}.`,
    };
  if (value < 0)
    return {
      ...at,
      code: 'negative_weight',
      message:
        `A weight cannot be negative (${value}): "${factId}" sums it, and adding an id would then lower the sum, ` +
        `so that more risk could mean less duty. Give ${expected}.`,
    };
  if (!Number.isInteger(value))
    return {
      ...at,
      code: 'fractional_weight',
      message:
        `A weight must be a whole number, not ${value}: "${factId}" sums it, and fractions do not add up exactly ` +
        `(0.1 + 0.2 + 0.3 is not 0.3 + 0.2 + 0.1), so the outcome could depend on the order of the ids. Scale ` +
        `the weights and the thresholds they are compared with (by 10 or 100) instead.`,
    };
  return { ...at, code: 'invalid_weight', message: `${value} is too large for a weight: give ${expected}.` };
}
