import { AssessmentError } from './errors/AssessmentError';
import { describeValue } from './errors/describeValue';
import { formatPath as renderPath, type IssuePath } from './errors/issue';

/**
 * Renders an issue's path as a JSON Pointer-like string, e.g. `/item/capabilities/0`, or `/` for the root.
 *
 * @param path - An issue's `path`: object keys and array indexes from the root.
 * @throws {AssessmentError} `invalid_argument` when `path` is not a list of strings and numbers.
 *
 * @example
 * for (const issue of error.issues) console.error(`${formatPath(issue.path)}: ${issue.message}`);
 */
export function formatPath(path: IssuePath): string {
  let segments: readonly unknown[] | undefined;
  try {
    segments = Array.isArray(path) ? Array.from(path as readonly unknown[]) : undefined;
  } catch {
    segments = undefined;
  }
  if (
    segments === undefined ||
    !segments.every((segment) => typeof segment === 'string' || typeof segment === 'number')
  )
    throw new AssessmentError({
      path: ['path'],
      code: 'invalid_argument',
      message: `path must be a list of object keys and array indexes, not ${describeValue(path)}.`,
    });
  return renderPath(segments as IssuePath);
}
