import { plainDataIssues } from '../../document/plainData';
import { issuesUnder, type Issue, type IssuePath } from '../../errors/issue';
import { assessmentSchema } from '../../transaction/assessmentSchema';
import { zodIssues } from '../../transaction/zodIssues';

/**
 * What makes a value given back to the library not an assessment as `assess` returns it, each issue under `path`:
 * first what is not plain JSON data, then what does not fit the assessment's shape. None for an assessment.
 */
export function assessmentIssues(value: unknown, path: IssuePath): Issue[] {
  const unsafe = plainDataIssues(value, path);
  if (unsafe.length > 0) return unsafe;
  const result = assessmentSchema.safeParse(value);
  return result.success
    ? []
    : issuesUnder(
        path,
        result.error.issues.flatMap((issue) => zodIssues(issue)),
      );
}
