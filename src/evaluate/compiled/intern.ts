import type { FactValue } from '../../types/assessment';

/**
 * Most traces a ruleset keeps for reuse (all conditions and rules together): this many, or more for a large ruleset,
 * `INTERNED_PER_PART` for each distinct condition and rule, so that a larger ruleset does not reuse less. And most
 * per condition or rule. At 256 per condition, 10,000 generated Article 5 transactions left a quarter of all rule
 * steps fresh on every pass; at these limits under 1 %. Full, Article 5's tables hold about 6 MB (measured after
 * 100,000 transactions), about 90 bytes per trace.
 */
export const INTERNED_TRACES = 65_536;
export const INTERNED_PER_PART = 128;
export const INTERNED_PER_CONDITION = 4096;

/** Interned traces of one condition (or rule steps of one rule), numbered in the order first seen. */
export interface TraceTable<T> {
  /** Freezes and keeps `trace`, returning its number, or -1 (unchanged) when this table or all of them are full. */
  add(trace: T): number;
  at(code: number): T;
}

/** Makes the trace tables of one ruleset's compiled evaluator. */
export interface TraceTables {
  /** A new, empty table. */
  table<T extends object>(): TraceTable<T>;
}

/** Trace tables that share one overall limit of `room` traces; each keeps at most `INTERNED_PER_CONDITION`. */
export function createTraceTables(room: number): TraceTables {
  return {
    table: <T extends object>(): TraceTable<T> => {
      const traces: T[] = [];
      return {
        add: (trace) => {
          if (traces.length >= INTERNED_PER_CONDITION || room <= 0) return -1;
          room--;
          traces.push(Object.freeze(trace));
          return traces.length - 1;
        },
        at: (index) => traces[index] as T,
      };
    },
  };
}

/** Most distinct values numbered per fact; a fact past it (free text, say) leaves the rules that read it unnumbered. */
const NUMBERED_VALUES_PER_FACT = 4096;

/**
 * Numbers for the values facts take, per ruleset and fact: equal values (as a Map key sees them) get equal numbers.
 * Unknown, false and true are 0, 1 and 2 for every fact, without a lookup; a list, -0 (which a Map key does not tell
 * from 0) and a value past the limit get -1. Only the slots in `numbered` are numbered; the others are left as they are.
 */
export function createValueNumbers(slotCount: number, numbered: readonly number[]) {
  const byValue = Array.from({ length: slotCount }, () => new Map<FactValue, number>());
  const numbers = new Int32Array(slotCount).fill(-1);
  return {
    /** The number of each numbered slot's value in this transaction (overwritten by the next call). */
    numberValues(values: readonly FactValue[]): Int32Array {
      for (const slot of numbered) {
        const value = values[slot] as FactValue;
        if (value === null) numbers[slot] = UNKNOWN_NUMBER;
        else if (value === false) numbers[slot] = FALSE_NUMBER;
        else if (value === true) numbers[slot] = TRUE_NUMBER;
        else if (typeof value === 'object' || (value === 0 && 1 / value < 0)) numbers[slot] = -1;
        else {
          const map = byValue[slot] as Map<FactValue, number>;
          let number = map.get(value);
          if (number === undefined && map.size < NUMBERED_VALUES_PER_FACT) {
            number = FIRST_OTHER_NUMBER + map.size;
            map.set(value, number);
          }
          numbers[slot] = number ?? -1;
        }
      }
      return numbers;
    },
  };
}

const UNKNOWN_NUMBER = 0;
const FALSE_NUMBER = 1;
const TRUE_NUMBER = 2;
const FIRST_OTHER_NUMBER = 3;
