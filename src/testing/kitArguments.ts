import { compiledRuntime } from '../compile/compiledRuntime';
import { AssessmentError } from '../errors/AssessmentError';
import { describeValue } from '../errors/describeValue';
import type { IssuePath } from '../errors/issue';
import { readOptions, type Refuse } from '../errors/readArguments';
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
