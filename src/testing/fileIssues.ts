import { plainDataIssues } from '../document/plainData';
import { AssessmentError } from '../errors/AssessmentError';
import type { Issue, IssuePath } from '../errors/issue';

/**
 * Checks a file of the testing kit (an invariants file, an expected-changes file), given as parsed JSON: what is not
 * plain JSON data first, then what `problems` finds in its shape.
 * @throws {AssessmentError} `invalid_argument`, its issues naming each problem with its path in the file.
 */
export function checkFile(what: string, value: unknown, problems: (value: unknown) => readonly Issue[]): void {
  const unsafe = plainDataIssues(value);
  const details = unsafe.length > 0 ? unsafe : problems(value);
  if (details.length > 0)
    throw new AssessmentError(
      { path: [], code: 'invalid_argument', message: `The ${what} is not valid:` },
      { details },
    );
}

/** A value the file may not hold at `pointer` (`/invariants/0/kind`), saying what it may hold. */
export function at(pointer: string, message: string, allowed?: readonly string[]): Issue {
  return { path: pointerPath(pointer), code: 'invalid_value', ...(allowed === undefined ? {} : { allowed }), message };
}

/** A key the file may not have, in the object at `pointer`. */
export function unknownKey(pointer: string, key: string): Issue {
  return { path: [...pointerPath(pointer), key], code: 'unrecognized_key', key, message: 'unknown key' };
}

/** `/invariants/0/kind` as a path, `['invariants', 0, 'kind']`. */
function pointerPath(pointer: string): IssuePath {
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => (/^(0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : segment));
}
