import type { Issue } from '../../errors/issue';
import type { RulesetContext } from '../rulesetContext';
import { checkAuthority } from './checkAuthority';
import { checkCitations } from './checkCitations';
import { checkConditions } from './checkConditions';
import { checkFacts } from './checkFacts';
import { checkOutcomes } from './checkOutcomes';
import { checkStructure } from './checkStructure';
import { checkThresholds } from './checkThresholds';
import { checkUniqueIds } from './checkUniqueIds';

const CHECKS: readonly ((context: RulesetContext) => Issue[])[] = [
  checkStructure,
  checkUniqueIds,
  checkCitations,
  checkOutcomes,
  checkThresholds,
  checkFacts,
  checkConditions,
  checkAuthority,
];

/** Runs every semantic check on a schema-valid document and returns all issues found (none means the document compiles). */
export function checkSemantics(context: RulesetContext): Issue[] {
  return CHECKS.flatMap((check) => check(context));
}
