import type * as z from 'zod';
import { describeValue } from '../errors/describeValue';
import type { Issue } from '../errors/issue';
import { COUNTRY_CODE_ALIASES } from './countryCodes';
import { closestMatch } from './suggest';

/**
 * A zod issue as this package's issues (one per unknown key), in the codes transactions use: `knownKeys` gives the
 * keys allowed at a path, for the suggestion of an unknown key.
 */
export function zodIssues(
  issue: z.core.$ZodIssue,
  knownKeys: (path: readonly (string | number)[]) => readonly string[] = () => [],
): Issue[] {
  const path = issue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment)));
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(path);
    return issue.keys.map((key) => {
      const suggestion = closestMatch(key, known);
      const hint =
        suggestion !== undefined
          ? ` Did you mean "${suggestion}"?`
          : known.length > 0
            ? ` Allowed keys here: ${known.join(', ')}.`
            : '';
      return {
        path: [...path, key],
        code: 'unrecognized_key',
        key,
        ...(suggestion === undefined ? {} : { suggestion }),
        message: `Unknown key "${key}".${hint}`,
      };
    });
  }
  if ('input' in issue && issue.input === undefined) {
    return [{ path, code: 'required', message: 'Required, but missing.' }];
  }
  switch (issue.code) {
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      return [{ path, code: 'invalid_value', ...describeInvalidValue(issue.input, allowed) }];
    }
    case 'invalid_type':
      return [{ path, code: 'invalid_type', expected: issue.expected, message: issue.message }];
    case 'invalid_format':
      return [{ path, code: 'invalid_format', expected: issue.format, message: issue.message }];
    case 'too_big':
      return [{ path, code: 'too_big', maximum: Number(issue.maximum), message: issue.message }];
    case 'too_small':
      return [{ path, code: 'too_small', minimum: Number(issue.minimum), message: issue.message }];
    default:
      // A union, record, refinement or multiple: a refusal with zod's message (the transaction schema has none).
      return [{ path, code: 'invalid_value', message: issue.message }];
  }
}

/** The message of a value outside an enum, with the allowed values when few and the closest one when close. */
function describeInvalidValue(
  input: unknown,
  allowed: readonly string[],
): { readonly message: string; readonly allowed?: readonly string[]; readonly suggestion?: string } {
  const described = describeValue(input);
  // "A list", "An object" begin the sentence; a value ("5", "null") is shown as written.
  const shown = /^an? /.test(described) ? `A${described.slice(1)}` : described;
  if (typeof input === 'string') {
    const alias = COUNTRY_CODE_ALIASES[input];
    const suggestion = alias !== undefined && allowed.includes(alias) ? alias : closestMatch(input, allowed);
    if (suggestion !== undefined)
      return { message: `${shown} is not an allowed value. Did you mean "${suggestion}"?`, suggestion };
  }
  if (allowed.length <= 12)
    return {
      message: `${shown} is not an allowed value. Allowed: ${allowed.map((value) => `"${value}"`).join(', ')}.`,
      allowed,
    };
  return {
    message:
      `${shown} is not an allowed value (${allowed.length} values are allowed, e.g. ` +
      `"${allowed.slice(0, 3).join('", "')}").`,
  };
}
