import * as z from 'zod';
import { describeValue } from '../errors/describeValue';
import type { Issue } from '../errors/issue';
import { TransactionError } from '../errors/TransactionError';
import { COUNTRY_CODE_ALIASES } from './countryCodes';
import { closestMatch } from './suggest';
import type { ParsedTransaction, TransactionSchema } from './transactionSchema';

/**
 * Validates `input` against a transaction schema and returns the parsed transaction,
 * or throws `TransactionError` listing every problem with its path.
 */
export function parseTransaction(input: unknown, schema: TransactionSchema): ParsedTransaction {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  throw new TransactionError(result.error.issues.flatMap((issue) => toIssues(issue, schema)));
}

function toIssues(issue: z.core.$ZodIssue, schema: TransactionSchema): Issue[] {
  const path = issue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment)));
  if (issue.code === 'unrecognized_keys') {
    const known = objectKeysAt(schema, path);
    return issue.keys.map((key) => {
      const suggestion = closestMatch(key, known);
      const hint =
        suggestion === undefined ? ` Allowed keys here: ${known.join(', ')}.` : ` Did you mean "${suggestion}"?`;
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
      // The transaction schema has no unions, records, refinements or multiples; were one added, its issues stay
      // refusals with zod's message until they get a code of their own.
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

/** The keys the schema allows for the object at `path`, to suggest a correction for a typo. */
function objectKeysAt(schema: z.ZodType, path: readonly (string | number)[]): string[] {
  let current: z.ZodType = schema;
  for (const segment of [...path, undefined]) {
    for (;;) {
      if (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault) {
        current = current.unwrap() as z.ZodType;
      } else break;
    }
    if (segment === undefined) break;
    if (current instanceof z.ZodArray && typeof segment === 'number') current = current.element as z.ZodType;
    else if (current instanceof z.ZodObject && typeof segment === 'string')
      current = current.shape[segment] as z.ZodType;
    else return [];
  }
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}
