import type * as z from 'zod';
import { plainDataIssues } from '../document/plainData';
import { issuesUnder, type Issue, type IssuePath } from '../errors/issue';
import { zodIssues } from '../transaction/zodIssues';

/**
 * What makes a value given back to the library (an assessment, a diff) not of the shape the library gave it
 * (`schema`), each issue under `path`: first what is not plain JSON data, then what does not fit. None when it fits.
 */
export function shapeIssues(value: unknown, schema: z.ZodType, path: IssuePath): Issue[] {
  const unsafe = plainDataIssues(value, path);
  if (unsafe.length > 0) return unsafe;
  const result = schema.safeParse(value);
  return result.success
    ? []
    : issuesUnder(
        path,
        result.error.issues.flatMap((issue) => zodIssues(issue)),
      );
}
