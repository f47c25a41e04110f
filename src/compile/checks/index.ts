import type { Issue } from '../../errors/issue';
import type { RulesetContext } from '../rulesetContext';
import { checkAnswers } from './checkAnswers';
import { checkAuthority } from './checkAuthority';
import { checkCatalogueAttributes } from './checkCatalogueAttributes';
import { checkCitations } from './checkCitations';
import { checkComposedSize } from './checkComposedSize';
import { checkConditions } from './checkConditions';
import { checkConditionSize } from './checkConditionSize';
import { checkDuties } from './checkDuties';
import { checkFacts } from './checkFacts';
import { checkOutcomes } from './checkOutcomes';
import { checkStructure } from './checkStructure';
import { checkThresholds } from './checkThresholds';
import { checkUndecided } from './checkUndecided';
import { checkUniqueIds } from './checkUniqueIds';
import { checkWeights } from './checkWeights';

const CHECKS: readonly ((context: RulesetContext) => Issue[])[] = [
  checkStructure,
  checkUniqueIds,
  checkCitations,
  checkOutcomes,
  checkUndecided,
  checkDuties,
  checkThresholds,
  checkFacts,
  checkAnswers,
  checkWeights,
  checkConditions,
  checkAuthority,
  checkCatalogueAttributes,
];

/**
 * Checks of size that must pass before the others run: they bound the work every other check (and compilation)
 * does, e.g. where named conditions would write out into a tree too large to walk.
 */
const LIMITS: readonly ((context: RulesetContext) => Issue[])[] = [checkComposedSize, checkConditionSize];

/**
 * Runs every semantic check on a schema-valid document and returns all issues found (none means the document compiles).
 * A document over a size limit gets only the limit issues.
 */
export function checkSemantics(context: RulesetContext): Issue[] {
  const limits = LIMITS.flatMap((check) => check(context));
  return limits.length > 0 ? limits : CHECKS.flatMap((check) => check(context));
}
