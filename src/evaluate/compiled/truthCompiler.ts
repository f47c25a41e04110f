import type { FactValue, TruthValue } from '../../types/assessment';
import { slotOfFact } from '../prepareFacts';
import type { Shared } from './sharedConditions';

type Slots = readonly FactValue[];

/** Three-valued results as numbers, so that `all` is the minimum, `any` the maximum and `not` is `2 - x`. */
const FALSE = 0;
const UNKNOWN = 1;
const TRUE = 2;
export const TRUTH_VALUES: readonly TruthValue[] = ['false', 'unknown', 'true'];

/** Compiles distinct conditions into closures that compute only their three-valued result, each once per transaction. */
export function createTruthCompiler(slots: ReadonlyMap<string, number>, size: number) {
  let transaction = 0;
  const evaluatedIn = new Array<number>(size).fill(-1);
  const results = new Array<number>(size).fill(UNKNOWN);
  const compiled = new Map<Shared, (values: Slots) => number>();

  const compile = (shared: Shared): ((values: Slots) => number) => {
    let evaluate = compiled.get(shared);
    if (evaluate !== undefined) return evaluate;
    const inner = compileNode(shared);
    const { id } = shared;
    evaluate =
      shared.uses < 2
        ? inner
        : (values) => {
            if (evaluatedIn[id] === transaction) return results[id] as number;
            const result = inner(values);
            evaluatedIn[id] = transaction;
            results[id] = result;
            return result;
          };
    compiled.set(shared, evaluate);
    return evaluate;
  };

  const compileNode = (shared: Shared): ((values: Slots) => number) => {
    const { node } = shared;
    switch (node.type) {
      case 'fact': {
        const slot = slotOfFact(slots, node.fact);
        const { test, expected } = node;
        return (values) => {
          const actual = values[slot] as FactValue;
          return actual === null ? UNKNOWN : test(actual, expected) ? TRUE : FALSE;
        };
      }
      case 'all':
      case 'any': {
        const children = shared.children.map(compile);
        const count = children.length;
        // `all` is the minimum of its children, `any` the maximum; a false child decides an `all`, a true one an `any`,
        // so the rest need not be evaluated (only the result is wanted here, not a trace).
        if (node.type === 'all') {
          return (values) => {
            let result = TRUE;
            for (let index = 0; index < count && result !== FALSE; index++) {
              const child = (children[index] as (values: Slots) => number)(values);
              if (child < result) result = child;
            }
            return result;
          };
        }
        return (values) => {
          let result = FALSE;
          for (let index = 0; index < count && result !== TRUE; index++) {
            const child = (children[index] as (values: Slots) => number)(values);
            if (child > result) result = child;
          }
          return result;
        };
      }
      case 'not': {
        const child = compile(shared.children[0] as Shared);
        return (values) => TRUE - child(values);
      }
      case 'named':
        return compile(shared.children[0] as Shared);
    }
  };

  return {
    compile,
    /** Starts a new transaction: conditions evaluated for the previous one are evaluated again. */
    startTransaction: () => {
      transaction++;
    },
  };
}
