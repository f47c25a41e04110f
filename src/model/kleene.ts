import type { TruthValue } from '../types/assessment';

/** Strong Kleene conjunction: false if any is false, else unknown if any is unknown, else true. */
export function kleeneAll(values: readonly TruthValue[]): TruthValue {
  let result: TruthValue = 'true';
  for (const value of values) {
    if (value === 'false') return 'false';
    if (value === 'unknown') result = 'unknown';
  }
  return result;
}

/** Strong Kleene disjunction: true if any is true, else unknown if any is unknown, else false. */
export function kleeneAny(values: readonly TruthValue[]): TruthValue {
  let result: TruthValue = 'false';
  for (const value of values) {
    if (value === 'true') return 'true';
    if (value === 'unknown') result = 'unknown';
  }
  return result;
}

/** Kleene negation: unknown stays unknown. */
export function kleeneNot(value: TruthValue): TruthValue {
  return value === 'true' ? 'false' : value === 'false' ? 'true' : 'unknown';
}
