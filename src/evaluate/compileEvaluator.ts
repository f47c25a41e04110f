import type { Evaluation } from '../model/evaluation';
import { kleeneNot } from '../model/kleene';
import type { ComparisonNode, ConditionNode, Program } from '../model/program';
import type { ConditionTrace, FactConditionTrace, FactValue, TraceStep, TruthValue } from '../types/assessment';
import { NumbersByIndex, TupleNumbers } from './numberTables';
import { factSlots, slotOfFact, type FactValues } from './prepareFacts';

type Slots = readonly FactValue[];
type NodeEvaluator = (slots: Slots) => ConditionTrace;

/** A distinct condition of the program: structurally equal conditions, wherever they occur, are one `Shared`. */
interface Shared {
  readonly id: number;
  readonly node: ConditionNode;
  readonly children: readonly Shared[];
  /** How many places (rule and note roots, and children of distinct conditions) refer to it. */
  uses: number;
}

/**
 * Most traces a ruleset keeps for reuse (all conditions and rules together): this many, or more for a large ruleset,
 * `INTERNED_PER_PART` for each distinct condition and rule, so that a larger ruleset does not reuse less. And most
 * per condition or rule. At 256 per condition, 10,000 generated Article 5 transactions left a quarter of all rule
 * steps fresh on every pass; at these limits under 1 %. Full, Article 5's tables hold about 6 MB (measured after
 * 100,000 transactions), about 90 bytes per trace.
 */
const INTERNED_TRACES = 65_536;
const INTERNED_PER_PART = 128;
const INTERNED_PER_CONDITION = 4096;

/**
 * Builds a synchronous evaluator from the program's condition trees: plain closures, created once per ruleset.
 * No ruleset string is ever turned into code.
 *
 * Sharing keeps evaluation fast and assessments small without changing any value in the trace:
 * - a condition that occurs more than once (a named condition used by several rules and notes, or the same
 *   comparison written twice) is evaluated once per transaction, and the same trace object appears wherever it occurs;
 * - traces are interned: a comparison's trace depends only on its fact's value, so for an unknown fact and for a
 *   boolean, string or number it is made once per ruleset and value, frozen, and numbered; a group, negation or named
 *   condition whose parts are all interned is found by its parts' numbers, and a rule's trace step by its condition's.
 *   Common transactions therefore allocate almost nothing for their traces, and assessments share frozen structure;
 * - a rule's interned step is also found by the numbers of the values of the facts the rule reads, so a rule whose
 *   facts take values seen together before is not evaluated at all.
 *   A list-valued fact, a new combination past the limits, or a group of many children gets a fresh trace.
 */
export function compileEvaluator(program: Program): (facts: FactValues) => Evaluation {
  // Built on the first call: compiling a ruleset costs nothing for this path until it is used.
  let evaluate: ((facts: FactValues) => Evaluation) | undefined;
  return (facts) => (evaluate ??= buildEvaluator(program))(facts);
}

function buildEvaluator(program: Program): (facts: FactValues) => Evaluation {
  const distinct = new Map<string, Shared>();
  const share = (node: ConditionNode): Shared => {
    const children = childrenOf(node).map(share);
    const key = keyOf(node, children);
    let shared = distinct.get(key);
    if (shared === undefined) {
      shared = { id: distinct.size, node, children, uses: 0 };
      distinct.set(key, shared);
    }
    return shared;
  };
  const ruleRoots = program.rules.map((rule) => share(rule.condition));
  const noteRoots = program.notes.map((note) => share(note.condition));
  for (const root of [...ruleRoots, ...noteRoots]) root.uses++;
  for (const shared of distinct.values()) for (const child of shared.children) child.uses++;

  const slotOf = factSlots(program);
  const compiler = createCompiler(
    slotOf,
    distinct.size,
    Math.max(INTERNED_TRACES, INTERNED_PER_PART * (distinct.size + program.rules.length)),
  );
  // Parallel arrays by rule index, read in the per-transaction loop below.
  const ruleEvaluators = ruleRoots.map((root) => compiler.compile(root));
  const stepTables = program.rules.map(() => compiler.table<TraceStep>());
  /** For each rule: the number of its interned step by its condition trace's number. */
  const stepCodes = program.rules.map(() => new NumbersByIndex());
  const ruleCount = program.rules.length;
  // A rule's step is a function of the values of the facts it reads, so an interned step is also found by the
  // numbers of those values, without evaluating the rule's conditions at all.
  const ruleSlots = ruleRoots.map((root) => slotsRead(root, slotOf));
  const valueNumbers = createValueNumbers(slotOf.size, [...new Set(ruleSlots.flat())]);
  const stepsByValues = ruleSlots.map((read) => new TupleNumbers(read.length));
  const valuesRead = new Int32Array(Math.max(0, ...ruleSlots.map((read) => read.length)));
  // Notes need only their result, not a trace.
  const truth = createTruthCompiler(slotOf, distinct.size);
  const notes = noteRoots.map((root) => truth.compile(root));
  const noteCount = notes.length;

  return (facts) => {
    compiler.startTransaction();
    const slots = facts.slots;
    const numbers = valueNumbers.numberValues(slots);
    // Sized up front: grown by push, a new array is copied several times on the way to its length.
    const steps = new Array<TraceStep>(ruleCount);
    for (let index = 0; index < ruleCount; index++) {
      const table = stepTables[index] as TraceTable<TraceStep>;
      const read = ruleSlots[index] as readonly number[];
      let numbered = true;
      for (let position = 0; position < read.length && numbered; position++) {
        const number = numbers[read[position] as number] as number;
        valuesRead[position] = number;
        numbered = number >= 0;
      }
      const byValues = stepsByValues[index] as TupleNumbers;
      const found = numbered ? byValues.get(valuesRead) : -1;
      if (found >= 0) {
        steps[index] = table.at(found);
        continue;
      }
      const conditions = (ruleEvaluators[index] as NodeEvaluator)(slots);
      const code = compiler.lastCode();
      const byCode = stepCodes[index] as NumbersByIndex;
      let stepCode = code < 0 ? -1 : byCode.get(code);
      let step: TraceStep;
      if (stepCode >= 0) {
        step = table.at(stepCode);
      } else {
        const rule = program.rules[index] as Program['rules'][number];
        step = {
          rule: rule.id,
          title: rule.title,
          outcome: rule.outcome,
          result: conditions.result,
          citation: rule.citation,
          seeAlso: rule.seeAlso,
          conditions,
          ...(rule.extensionPoint === undefined ? {} : { extensionPoint: rule.extensionPoint }),
        };
        if (code >= 0) {
          stepCode = table.add(step);
          if (stepCode >= 0) byCode.set(code, stepCode);
        }
      }
      if (numbered && stepCode >= 0 && byValues.size < INTERNED_PER_CONDITION) byValues.set(valuesRead, stepCode);
      steps[index] = step;
    }
    truth.startTransaction();
    const noteResults = new Array<TruthValue>(noteCount);
    for (let index = 0; index < noteCount; index++)
      noteResults[index] = TRUTH_VALUES[(notes[index] as (values: Slots) => number)(slots)] as TruthValue;
    return { steps, notes: noteResults };
  };
}

/** The slots of the facts a condition reads, in ascending order. */
function slotsRead(root: Shared, slotOf: ReadonlyMap<string, number>): readonly number[] {
  const read = new Set<number>();
  const visit = (shared: Shared) => {
    if (shared.node.type === 'fact') {
      read.add(slotOfFact(slotOf, shared.node.fact));
    }
    for (const child of shared.children) visit(child);
  };
  visit(root);
  return [...read].sort((a, b) => a - b);
}

/** Most distinct values numbered per fact; a fact past it (free text, say) leaves the rules that read it unnumbered. */
const NUMBERED_VALUES_PER_FACT = 4096;

/**
 * Numbers for the values facts take, per ruleset and fact: equal values (as a Map key sees them) get equal numbers.
 * Unknown, false and true are 0, 1 and 2 for every fact, without a lookup; a list, -0 (which a Map key does not tell
 * from 0) and a value past the limit get -1. Only the slots in `numbered` are numbered; the others are left as they are.
 */
function createValueNumbers(slotCount: number, numbered: readonly number[]) {
  const byValue = Array.from({ length: slotCount }, () => new Map<FactValue, number>());
  const numbers = new Int32Array(slotCount).fill(-1);
  return {
    /** The number of each numbered slot's value in this transaction (overwritten by the next call). */
    numberValues(values: Slots): Int32Array {
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

function childrenOf(node: ConditionNode): readonly ConditionNode[] {
  switch (node.type) {
    case 'fact':
      return [];
    case 'all':
    case 'any':
      return node.children;
    case 'not':
    case 'named':
      return [node.child];
  }
}

/** Equal keys mean equal traces for every transaction (`ask` only guides questions, so it is not part of the key). */
function keyOf(node: ConditionNode, children: readonly Shared[]): string {
  const ids = children.map((child) => child.id).join(',');
  switch (node.type) {
    case 'fact':
      return JSON.stringify(['fact', node.fact, node.operator, node.expected, node.threshold ?? null]);
    case 'all':
    case 'any':
    case 'not':
      return `${node.type}(${ids})`;
    case 'named':
      return `${JSON.stringify(['named', node.name])}(${ids})`;
  }
}

/** Interned traces of one condition (or rule steps of one rule), numbered in the order first seen. */
interface TraceTable<T> {
  /** Freezes and keeps `trace`, returning its number, or -1 (unchanged) when this table or all of them are full. */
  add(trace: T): number;
  at(code: number): T;
}

/**
 * Compiles distinct conditions into closures; those used in several places are evaluated once per transaction.
 * Each closure returns its trace and leaves in `code` the trace's number among its condition's interned traces, or -1
 * for a fresh trace; a parent reads it right after the call (evaluation is synchronous and never re-entered).
 */
function createCompiler(slots: ReadonlyMap<string, number>, size: number, interned: number) {
  let transaction = 0;
  let code = -1;
  const evaluatedIn = new Array<number>(size).fill(-1);
  const memoTraces = new Array<ConditionTrace | undefined>(size).fill(undefined);
  const memoCodes = new Array<number>(size).fill(-1);
  const compiled = new Map<Shared, NodeEvaluator>();
  let room = interned;

  const table = <T extends object>(): TraceTable<T> => {
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
  };

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
    table,
    /** The number of the trace the last evaluator returned among its condition's interned traces, or -1. */
    lastCode: () => code,
    /** Starts a new transaction: conditions evaluated for the previous one are evaluated again. */
    startTransaction: () => {
      transaction++;
    },
  };
}

/** Three-valued results as numbers, so that `all` is the minimum, `any` the maximum and `not` is `2 - x`. */
const FALSE = 0;
const UNKNOWN = 1;
const TRUE = 2;
const TRUTH_VALUES: readonly TruthValue[] = ['false', 'unknown', 'true'];

/** Compiles distinct conditions into closures that compute only their three-valued result, each once per transaction. */
function createTruthCompiler(slots: ReadonlyMap<string, number>, size: number) {
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
