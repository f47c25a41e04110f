import type { FactValue } from '../types/assessment';
import type { FactType, OperatorName } from '../types/ruleset';

/** What an operator compares: which fact types it accepts and what kind of value it compares them with. */
export interface OperatorSpec {
  readonly factTypes: readonly FactType[];
  /** `one`: a single value; `many`: a non-empty list of values. */
  readonly value: 'one' | 'many';
}

const SCALARS: readonly FactType[] = ['boolean', 'string', 'number', 'level'];

/** The whitelist of operators a ruleset may use. */
export const OPERATOR_SPECS: Readonly<Record<OperatorName, OperatorSpec>> = {
  equal: { factTypes: SCALARS, value: 'one' },
  notEqual: { factTypes: SCALARS, value: 'one' },
  in: { factTypes: SCALARS, value: 'many' },
  notIn: { factTypes: SCALARS, value: 'many' },
  contains: { factTypes: ['list'], value: 'one' },
  doesNotContain: { factTypes: ['list'], value: 'one' },
  containsAny: { factTypes: ['list'], value: 'many' },
  containsNone: { factTypes: ['list'], value: 'many' },
  lessThan: { factTypes: ['number'], value: 'one' },
  lessThanInclusive: { factTypes: ['number'], value: 'one' },
  greaterThan: { factTypes: ['number'], value: 'one' },
  greaterThanInclusive: { factTypes: ['number'], value: 'one' },
  atLeast: { factTypes: ['level'], value: 'one' },
  below: { factTypes: ['level'], value: 'one' },
};

/** The names of all operators, in declaration order. */
export const OPERATOR_NAMES = Object.keys(OPERATOR_SPECS) as OperatorName[];

/** A comparison of a known fact value with a condition's value; unknown facts never reach it. */
export type OperatorTest = (actual: Exclude<FactValue, null>, expected: unknown) => boolean;

/**
 * The comparison functions of every operator. Level comparisons rank levels with `levelRank`
 * (every level id of the ruleset's scales, weakest first within its scale).
 * Both evaluation paths (json-rules-engine and the compiled evaluator) use these same functions.
 */
export function createOperatorTests(
  levelRank: ReadonlyMap<string, number>,
): Readonly<Record<OperatorName, OperatorTest>> {
  const rank = (level: unknown) => levelRank.get(level as string) ?? Number.NaN;
  const list = (value: unknown) => value as readonly unknown[];
  return {
    equal: (actual, expected) => actual === expected,
    notEqual: (actual, expected) => actual !== expected,
    in: (actual, expected) => list(expected).includes(actual),
    notIn: (actual, expected) => !list(expected).includes(actual),
    contains: (actual, expected) => list(actual).includes(expected),
    doesNotContain: (actual, expected) => !list(actual).includes(expected),
    containsAny: (actual, expected) => list(expected).some((value) => list(actual).includes(value)),
    containsNone: (actual, expected) => !list(expected).some((value) => list(actual).includes(value)),
    lessThan: (actual, expected) => (actual as number) < (expected as number),
    lessThanInclusive: (actual, expected) => (actual as number) <= (expected as number),
    greaterThan: (actual, expected) => (actual as number) > (expected as number),
    greaterThanInclusive: (actual, expected) => (actual as number) >= (expected as number),
    atLeast: (actual, expected) => rank(actual) >= rank(expected),
    below: (actual, expected) => rank(actual) < rank(expected),
  };
}
