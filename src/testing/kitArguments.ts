import fc from 'fast-check';
import * as z from 'zod';
import { compiledRuntime } from '../compile/compiledRuntime';
import { validateReadDocument } from '../compile/validateDocument';
import { readDocument } from '../document/scanDocument';
import { AssessmentError } from '../errors/AssessmentError';
import { describeValue } from '../errors/describeValue';
import { issuesUnder, type Issue, type IssuePath } from '../errors/issue';
import { readOptions, type Refuse } from '../errors/readArguments';
import { RulesetError } from '../errors/RulesetError';
import { assessmentIssues } from '../evaluate/assessment/givenAssessments';
import { shapeIssues } from '../evaluate/shapeIssues';
import { isCalendarDate } from '../time/dates';
import type { Transaction } from '../transaction/transactionSchema';
import type { CompiledRuleset } from '../types/compiledRuleset';
import type { RulesetDocument } from '../types/ruleset';
import { invariantIssues } from './declaredInvariants';
import type { Invariant } from './invariants';

const refuse: Refuse = (issue, cause) => new AssessmentError(issue, { cause });

/** A compiled ruleset argument (of this or the package's other build), or `not_a_compiled_ruleset` at `path`. */
export function readRuleset(ruleset: unknown, path: IssuePath = ['ruleset']): CompiledRuleset {
  compiledRuntime(ruleset, path);
  return ruleset as CompiledRuleset;
}

/**
 * How a property run is set: how many runs, the seed, the replay path; for `checkInvariants`, the invariants; for the
 * soundness properties, the transactions and how many completions.
 */
export interface RunOptions {
  readonly runs?: number;
  readonly seed?: number;
  readonly path?: string;
  readonly invariants?: readonly Invariant[];
  readonly transactions?: fc.Arbitrary<Transaction>;
  readonly completions?: number;
  readonly dataCompletions?: number;
}

/**
 * The options of `checkInvariants`, `diffRulesets` and the soundness properties, each read once: `runs` a whole number
 * from 1, `seed` a whole number, `path` a string, `invariants` a list of well-formed invariants, `transactions` a
 * fast-check arbitrary, `completions` and `dataCompletions` whole numbers from 0; anything else is `invalid_option`.
 */
export function readRunOptions(options: unknown): RunOptions {
  const read = readOptions<RunOptions>(
    options,
    {
      runs: 'any',
      seed: 'any',
      path: 'string',
      invariants: 'list',
      transactions: 'any',
      completions: 'any',
      dataCompletions: 'any',
    },
    refuse,
  );
  const whole = (name: 'runs' | 'seed' | 'completions' | 'dataCompletions', least: number) => {
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
  whole('completions', 0);
  whole('dataCompletions', 0);
  if (read.transactions !== undefined && !(read.transactions instanceof fc.Arbitrary))
    throw refuse({
      path: ['options', 'transactions'],
      code: 'invalid_option',
      message: `options.transactions must be a fast-check arbitrary, not ${describeValue(read.transactions)}.`,
    });
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
  refuseShape(shapeIssues(value, schema, path), path, what);
  return value as T;
}

/** Refuses an argument at `path` that is not `what` with the issues found (none: accepted). */
function refuseShape(details: Issue[], path: IssuePath, what: string): void {
  if (details.length > 0)
    throw new AssessmentError(
      { path, code: 'invalid_argument', message: `${path.join('.')} is not ${what}:` },
      { details },
    );
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

/** An assessment given back to the kit (at `path`): as `assess` returns it, or `invalid_argument`. */
export function readAssessment(value: unknown, path: IssuePath): void {
  refuseShape(assessmentIssues(value, path), path, 'an assessment from assess()');
}

/** Arguments that must be strings, by name: anything else is `invalid_argument`. */
export function readStrings(values: Readonly<Record<string, unknown>>): void {
  for (const [name, value] of Object.entries(values))
    if (typeof value !== 'string')
      throw refuseArgument([name], `${name} must be a string, not ${describeValue(value)}.`);
}

/** A ruleset's `outcomes`, as far as their precedence goes. */
export const precedencesSchema = z.record(z.string(), z.object({ precedence: z.number() }));

/** A ruleset document argument (at `argument`): one the schema accepts, or a `RulesetError` under its name. */
export function readRulesetDocument(document: unknown, argument: string): RulesetDocument {
  const issues = rulesetDocumentIssues(document, argument);
  if (issues.length > 0) throw new RulesetError(issues);
  return document as RulesetDocument;
}

/** What makes an argument not a ruleset document (of the kind it says it is), under its name. */
export function rulesetDocumentIssues(document: unknown, argument: string): Issue[] {
  const read = readDocument(document);
  const kind = (read.copy as { kind?: unknown } | null)?.kind === 'overlay' ? 'overlay' : 'base';
  return issuesUnder([argument], validateReadDocument(read, kind));
}
