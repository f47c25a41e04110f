import { CodedError } from '../errors/CodedError';
import { issuesUnder, type Issue, type IssuePath } from '../errors/issue';
import { scanDocument } from './scanDocument';
import { DATA_LIMITS } from './scanLimits';

/** What makes a value given to the library not plain, bounded JSON data, each issue's path under `prefix`. */
export function plainDataIssues(value: unknown, prefix: IssuePath = []): Issue[] {
  return issuesUnder(prefix, scanDocument(value, DATA_LIMITS));
}

/**
 * Runs `read`, which reads `value`, a value given to the library that is usually plain JSON data (a transaction as
 * passed to `assess`, which may still hold a getter). When it throws anything but a coded error and `value` is not
 * plain data (a throwing getter or proxy, a cycle, a BigInt, nesting that overflows the stack), `refuse` turns the
 * issues that say where into the call's own error. Any other failure is a bug, thrown as it is. Valid input pays
 * nothing: the value is scanned only after a failure.
 */
export function readingUntrusted<T>(
  value: unknown,
  read: () => T,
  refuse: (issues: readonly Issue[], cause: unknown) => Error,
): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof CodedError) throw error;
    const issues = plainDataIssues(value);
    if (issues.length === 0) throw error;
    throw refuse(issues, error);
  }
}
