import type { Issue, IssuePath } from '../../errors/issue';
import { assessmentSchema } from '../../transaction/assessmentSchema';
import type { Assessment } from '../../types/assessment';
import { shapeIssues } from '../shapeIssues';

/**
 * The assessments this copy of the package built (`buildAssessment`, for every evaluator and verb). Each is deeply
 * frozen before it is added, so it still holds exactly what was built: it needs no reading again when it comes back.
 * Deeply, not only at the top: a nested list left unfrozen could be changed after the fact
 * (`test/unit/frozenAssessments.test.ts` checks every part, on both evaluators).
 */
const made = new WeakSet<object>();

/** Marks an assessment as built here; it must be deeply frozen already. */
export function rememberMade(assessment: Assessment): Assessment {
  made.add(assessment);
  return assessment;
}

/**
 * What makes a value given back as an assessment (to `formatReport`, `createDecisionRecord`, the testing kit) not
 * one `assess` returns, each issue under `path`. One this copy built is taken as it is, at no cost; anything else (a
 * parsed or hand-built object, a copy or proxy of an assessment, one the package's other build made) is read in
 * full: plain JSON data first, then the shape. A `WeakSet` lookup never runs a proxy's traps.
 */
export function assessmentIssues(value: unknown, path: IssuePath): Issue[] {
  if (typeof value === 'object' && value !== null && made.has(value)) return [];
  return shapeIssues(value, assessmentSchema, path);
}
