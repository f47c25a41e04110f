import { kleeneNot } from '../../model/kleene';
import type { ComparisonNode } from '../../model/program';
import type { ConditionTrace, FactConditionTrace, FactValue, TruthValue } from '../../types/assessment';
import { NumbersByIndex, TupleNumbers } from '../numberTables';
import { slotOfFact } from '../prepareFacts';
import type { TraceTable, TraceTables } from './intern';
import type { Shared } from './sharedConditions';

type Slots = readonly FactValue[];
/** A compiled condition: its trace for one transaction's fact values. */
export type NodeEvaluator = (slots: Slots) => ConditionTrace;

/**
 * Compiles distinct conditions into closures; those used in several places are evaluated once per transaction.
 * Each closure returns its trace and leaves in `code` the trace's number among its condition's interned traces, or -1
 * for a fresh trace; a parent reads it right after the call (evaluation is synchronous and never re-entered).
 */
export function createTraceCompiler(slots: ReadonlyMap<string, number>, size: number, tables: TraceTables) {
  let transaction = 0;
  let code = -1;
  const evaluatedIn = new Array<number>(size).fill(-1);
  const memoTraces = new Array<ConditionTrace | undefined>(size).fill(undefined);
  const memoCodes = new Array<number>(size).fill(-1);
  const compiled = new Map<Shared, NodeEvaluator>();
  const { table } = tables;

  const compileOnce = (shared: Shared): NodeEvaluator => {
    const evaluate = compileNode(shared);
    if (shared.uses < 2) return evaluate;
    const { id } = shared;
    return (values) => {
      if (evaluatedIn[id] === transaction) {
        code = memoCodes[id] as number;
        return memoTraces[id] as ConditionTrace;
      }
      const trace = evaluate(values);
      evaluatedIn[id] = transaction;
      memoTraces[id] = trace;
      memoCodes[id] = code;
      return trace;
    };
  };
  const compile = (shared: Shared): NodeEvaluator => {
    let evaluate = compiled.get(shared);
    if (evaluate === undefined) {
      evaluate = compileOnce(shared);
      compiled.set(shared, evaluate);
    }
    return evaluate;
  };

  const compileNode = (shared: Shared): NodeEvaluator => {
    const { node } = shared;
    switch (node.type) {
      case 'fact': {
        const slot = slotOfFact(slots, node.fact);
        return compileComparison(node, slot, table<FactConditionTrace>(), (traceCode) => {
          code = traceCode;
        });
      }
      case 'all':
      case 'any': {
        const { type } = node;
        const children = shared.children.map(compile);
        const count = children.length;
        const isAll = type === 'all';
        const interned = table<ConditionTrace>();
        // The number of each interned trace by its children's numbers.
        const byChildren = new TupleNumbers(count);
        const parts = new Array<ConditionTrace | undefined>(count).fill(undefined);
        const codes = new Int32Array(count);
        return (values) => {
          // Strong Kleene: `all` is false if any child is false, else unknown if any is; `any` dually.
          let result: TruthValue = isAll ? 'true' : 'false';
          let internable = true;
          for (let index = 0; index < count; index++) {
            const condition = (children[index] as NodeEvaluator)(values);
            parts[index] = condition;
            codes[index] = code;
            if (code < 0) internable = false;
            const value = condition.result;
            if (value === 'unknown') {
              if (result === (isAll ? 'true' : 'false')) result = 'unknown';
            } else if (value === (isAll ? 'false' : 'true')) {
              result = value;
            }
          }
          const found = internable ? byChildren.get(codes) : -1;
          if (found >= 0) {
            code = found;
            return interned.at(found);
          }
          const trace: ConditionTrace = { type, result, conditions: parts.slice() as ConditionTrace[] };
          code = internable ? interned.add(trace) : -1;
          if (code >= 0) {
            Object.freeze(trace.conditions);
            byChildren.set(codes, code);
          }
          return trace;
        };
      }
      case 'not':
        return compileWrapper(shared, (condition) => ({ type: 'not', result: kleeneNot(condition.result), condition }));
      case 'named': {
        const { name, title, citation } = node;
        return compileWrapper(shared, (condition) => ({
          type: 'named',
          name,
          title,
          citation,
          result: condition.result,
          condition,
        }));
      }
    }
  };

  /** A negation or a named condition: one child, whose trace number finds the interned wrapper trace. */
  const compileWrapper = (shared: Shared, wrap: (condition: ConditionTrace) => ConditionTrace): NodeEvaluator => {
    const child = compile(shared.children[0] as Shared);
    const interned = table<ConditionTrace>();
    const byChild = new NumbersByIndex();
    return (values) => {
      const condition = child(values);
      const childCode = code;
      const found = childCode < 0 ? -1 : byChild.get(childCode);
      if (found >= 0) {
        code = found;
        return interned.at(found);
      }
      const trace = wrap(condition);
      code = childCode < 0 ? -1 : interned.add(trace);
      if (code >= 0) byChild.set(childCode, code);
      return trace;
    };
  };

  return {
    compile,
    /** The number of the trace the last evaluator returned among its condition's interned traces, or -1. */
    lastCode: () => code,
    /** Starts a new transaction: conditions evaluated for the previous one are evaluated again. */
    startTransaction: () => {
      transaction++;
    },
  };
}

/**
 * A comparison's evaluator, returning its trace and reporting the trace's number (-1 for a fresh one) through
 * `setCode` (a returned pair would cost an allocation or a destructuring per comparison). The trace depends only on
 * the fact's value: for an unknown fact, and for a boolean, string or number, it is interned (up to the limits); a
 * list's trace is made each time.
 */
function compileComparison(
  node: ComparisonNode,
  slot: number,
  interned: TraceTable<FactConditionTrace>,
  setCode: (code: number) => void,
): NodeEvaluator {
  const { fact, operator, expected, threshold, test } = node;
  const make = (actual: FactValue, result: TruthValue): FactConditionTrace =>
    threshold === undefined
      ? { type: 'fact', fact, operator, expected, actual, result }
      : { type: 'fact', fact, operator, expected, actual, result, threshold };
  // Shared by every transaction in which the fact is unknown, so frozen even when no table has room for it.
  const unknownTrace = Object.freeze(make(null, 'unknown'));
  const unknownCode = interned.add(unknownTrace);
  const codes = new Map<FactValue, number>();
  return (values) => {
    const actual = values[slot] as FactValue;
    if (actual === null) {
      setCode(unknownCode);
      return unknownTrace;
    }
    // A Map key does not tell -0 from 0, so -0 (like a list) gets a trace of its own.
    if (typeof actual === 'object' || (actual === 0 && 1 / actual < 0)) {
      setCode(-1);
      return make(actual, test(actual, expected) ? 'true' : 'false');
    }
    const known = codes.get(actual);
    if (known !== undefined) {
      setCode(known);
      return interned.at(known);
    }
    const trace = make(actual, test(actual, expected) ? 'true' : 'false');
    const traceCode = interned.add(trace);
    if (traceCode >= 0) codes.set(actual, traceCode);
    setCode(traceCode);
    return trace;
  };
}
