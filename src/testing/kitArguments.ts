import * as z from 'zod';
import { compiledRuntime } from '../compile/compiledRuntime';
import { AssessmentError } from '../errors/AssessmentError';
import { describeValue } from '../errors/describeValue';
import type { IssuePath } from '../errors/issue';
import { readOptions, type Refuse } from '../errors/readArguments';
import { shapeIssues } from '../evaluate/shapeIssues';
import { isCalendarDate } from '../time/dates';
import type { CompiledRuleset } from '../types/compiledRuleset';
import { invariantIssues } from './declaredInvariants';
import type { Invariant } from './invariants';

const refuse: Refuse = (issue, cause) => new AssessmentError(issue, { cause });

/** A compiled ruleset argument (of this or the package's other build), or `not_a_compiled_ruleset` at `path`. */
export function readRuleset(ruleset: unknown, path: IssuePath = ['ruleset']): CompiledRuleset {
  compiledRuntime(ruleset, path);
  return ruleset as CompiledRuleset;
}

/** How a property run is set: how many runs, the seed, the replay path, and for `checkInvariants`, the invariants. */
export interface RunOptions {
  readonly runs?: number;
  readonly seed?: number;
  readonly path?: string;
  readonly invariants?: readonly Invariant[];
}

/**
 * The options of `checkInvariants` and `diffRulesets`, each read once: `runs` a whole number from 1, `seed` a whole
 * number, `path` a string, `invariants` a list of well-formed invariants; anything else is `invalid_option`.
 */
export function readRunOptions(options: unknown): RunOptions {
  const read = readOptions<RunOptions>(
    options,
    { runs: 'any', seed: 'any', path: 'string', invariants: 'list' },
    refuse,
  );
  const whole = (name: 'runs' | 'seed', least: number) => {
    const value = read[name];
    if (value !== undefined && !(Number.isSafeInteger(value) && value >= least))
      throw refuse({
        path: ['options', name],
        code: 'invalid_option',
        message: `options.${name} must be a whole number${least > 0 ? ` from ${least}` : ''}, not ${describeValue(value)}.`,
      });
  };
  whole('runs', 1);
  whole('seed', Number.MIN_SAFE_INTEGER);
  if (read.invariants !== undefined) {
    const details = invariantIssues(read.invariants, ['options', 'invariants']);
    if (details.length > 0)
      throw new AssessmentError(
        { path: ['options', 'invariants'], code: 'invalid_option', message: 'options.invariants are not invariants:' },
        { details },
      );
  }
  return read;
}

/**
 * A value the kit gave and takes back (a diff, an expectation check, a vocabulary) at `path`, checked against the
 * shape it was given in: plain JSON data first, then the shape; anything else is `invalid_argument` with the issues.
 */
export function readShaped<T>(value: unknown, schema: z.ZodType, path: IssuePath, what: string): T {
  const details = shapeIssues(value, schema, path);
  if (details.length > 0)
    throw new AssessmentError(
      { path, code: 'invalid_argument', message: `${path.join('.')} is not ${what}:` },
      { details },
    );
  return value as T;
}

/** The `date` option of the transaction arbitraries: a calendar date, or `invalid_option`. */
export function readDateOption(options: unknown): { readonly date?: string; readonly maxUnknown?: number } {
  const read = readOptions<{ date?: string; maxUnknown?: number }>(
    options,
    { date: 'string', maxUnknown: 'any' },
    refuse,
  );
  if (read.date !== undefined && !isCalendarDate(read.date))
    throw refuse({
      path: ['options', 'date'],
      code: 'invalid_option',
      message: `options.date must be a date written YYYY-MM-DD, not ${describeValue(read.date)}.`,
    });
  if (read.maxUnknown !== undefined && !(Number.isSafeInteger(read.maxUnknown) && read.maxUnknown >= 0))
    throw refuse({
      path: ['options', 'maxUnknown'],
      code: 'invalid_option',
      message: `options.maxUnknown must be a whole number from 0, not ${describeValue(read.maxUnknown)}.`,
    });
  return read;
}

const ids = z.array(z.string());

/** A vocabulary, as `vocabularyOf` and `sharedVocabulary` return it. */
export const vocabularySchema = z.object({
  memberStates: ids,
  capabilities: ids,
  endUserTypes: ids,
  redFlags: ids,
  indicators: ids.optional(),
  factors: ids.optional(),
});

/** A refusal of an argument at `path` that is not of the kind the call takes. */
export function refuseArgument(path: IssuePath, message: string): AssessmentError {
  return new AssessmentError({ path, code: 'invalid_argument', message });
}
