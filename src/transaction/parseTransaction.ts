import * as z from 'zod';
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
      return { path: [...path, key], code: 'unrecognized_key', message: `Unknown key "${key}".${hint}` };
    });
  }
  if ('input' in issue && issue.input === undefined) {
    return [{ path, code: 'required', message: 'Required, but missing.' }];
  }
  if (issue.code === 'invalid_value') {
    return [{ path, code: 'invalid_value', message: describeInvalidValue(issue.input, issue.values.map(String)) }];
  }
  return [{ path, code: issue.code, message: issue.message }];
}

function describeInvalidValue(input: unknown, allowed: readonly string[]): string {
  const shown = describeInput(input);
  if (typeof input === 'string') {
    const alias = COUNTRY_CODE_ALIASES[input];
    const suggestion = alias !== undefined && allowed.includes(alias) ? alias : closestMatch(input, allowed);
    if (suggestion !== undefined) return `${shown} is not an allowed value. Did you mean "${suggestion}"?`;
  }
  if (allowed.length <= 12)
    return `${shown} is not an allowed value. Allowed: ${allowed.map((value) => `"${value}"`).join(', ')}.`;
  return (
    `${shown} is not an allowed value (${allowed.length} values are allowed, e.g. ` +
    `"${allowed.slice(0, 3).join('", "')}").`
  );
}

/**
 * A short description of a rejected value. Only strings and plain scalars are shown: serialising an object would
 * overflow the stack on deep nesting and throw on cycles and BigInts, turning a bad input into a crash.
 */
function describeInput(input: unknown): string {
  if (typeof input === 'string') return `"${input.length > 60 ? `${input.slice(0, 60)}…` : input}"`;
  if (Array.isArray(input)) return 'A list';
  if (input !== null && typeof input === 'object') return 'An object';
  return String(input);
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
