import type { ComparisonNode, ConditionNode, Program } from '../compile/program';
import type { ConditionTrace, FactConditionTrace, FactValue, TraceStep, TruthValue } from '../types/assessment';
import type { Evaluation } from './evaluation';
import { kleeneNot } from './kleene';
import { factSlots, type FactValues } from './prepareFacts';

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

/** Most comparison traces a ruleset keeps for reuse, and most per comparison (its fact's distinct values). */
const INTERNED_TRACES = 4096;
const INTERNED_PER_COMPARISON = 64;

/**
 * Builds a synchronous evaluator from the program's condition trees: plain closures, created once per ruleset.
 * No ruleset string is ever turned into code.
 *
 * Sharing keeps evaluation fast and assessments small without changing any value in the trace:
 * - a condition that occurs more than once (a named condition used by several rules and notes, or the same
 *   comparison written twice) is evaluated once per transaction, and the same trace object appears wherever it occurs;
 * - the trace of a comparison whose fact is unknown, or a boolean, string or number, is made once per ruleset and
 *   value, frozen, and shared by every assessment in which that comparison sees that value.
 */
export function compileEvaluator(program: Program): (facts: FactValues) => Evaluation {
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

  const compiler = createCompiler(factSlots(program), distinct.size);
  const rules = program.rules.map((rule, index) => ({ rule, evaluate: compiler.compile(ruleRoots[index] as Shared) }));
  const notes = noteRoots.map((root) => compiler.compile(root));

  return (facts) => {
    compiler.startTransaction();
    const slots = facts.slots;
    const steps: TraceStep[] = [];
    for (const { rule, evaluate } of rules) {
      const conditions = evaluate(slots);
      steps.push({ rule: rule.id, title: rule.title, outcome: rule.outcome, result: conditions.result, citation: rule.citation, seeAlso: rule.seeAlso, conditions });
    }
    const noteResults: TruthValue[] = [];
    for (const evaluate of notes) noteResults.push(evaluate(slots).result);
    return { steps, notes: noteResults };
  };
}

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

/** Compiles distinct conditions into closures; those used in several places are evaluated once per transaction. */
function createCompiler(slots: ReadonlyMap<string, number>, size: number) {
  let transaction = 0;
  const evaluatedIn = new Array<number>(size).fill(-1);
  const traces = new Array<ConditionTrace | undefined>(size).fill(undefined);
  const compiled = new Map<Shared, NodeEvaluator>();
  let internBudget = INTERNED_TRACES;
  const takeInternSlot = () => internBudget-- > 0;

  const compileOnce = (shared: Shared): NodeEvaluator => {
    const evaluate = compileNode(shared);
    if (shared.uses < 2) return evaluate;
    const { id } = shared;
    return (values) => {
      if (evaluatedIn[id] === transaction) return traces[id] as ConditionTrace;
      const trace = evaluate(values);
      evaluatedIn[id] = transaction;
      traces[id] = trace;
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
        const slot = slots.get(node.fact);
        if (slot === undefined) throw new Error(`Unchecked reference to fact ${node.fact}`);
        return compileComparison(node, slot, takeInternSlot);
      }
      case 'all':
      case 'any': {
        const { type } = node;
        const children = shared.children.map(compile);
        const count = children.length;
        const isAll = type === 'all';
        return (values) => {
          const conditions: ConditionTrace[] = [];
          // Strong Kleene: `all` is false if any child is false, else unknown if any is; `any` dually.
          let result: TruthValue = isAll ? 'true' : 'false';
          for (let index = 0; index < count; index++) {
            const condition = (children[index] as NodeEvaluator)(values);
            conditions.push(condition);
            const value = condition.result;
            if (value === 'unknown') {
              if (result === (isAll ? 'true' : 'false')) result = 'unknown';
            } else if (value === (isAll ? 'false' : 'true')) {
              result = value;
            }
          }
          return { type, result, conditions };
        };
      }
      case 'not': {
        const child = compile(shared.children[0] as Shared);
        return (values) => {
          const condition = child(values);
          return { type: 'not', result: kleeneNot(condition.result), condition };
        };
      }
      case 'named': {
        const { name, title, citation } = node;
        const child = compile(shared.children[0] as Shared);
        return (values) => {
          const condition = child(values);
          return { type: 'named', name, title, citation, result: condition.result, condition };
        };
      }
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
 * A comparison's evaluator. Its trace depends only on the fact's value, so for an unknown fact, and for a boolean,
 * string or number, it is made once, frozen and reused (up to the intern limits); a list's trace is made each time.
 */
function compileComparison(node: ComparisonNode, slot: number, takeInternSlot: () => boolean): NodeEvaluator {
  const { fact, operator, expected, threshold, test } = node;
  const make = (actual: FactValue, result: TruthValue): FactConditionTrace =>
    threshold === undefined ? { type: 'fact', fact, operator, expected, actual, result } : { type: 'fact', fact, operator, expected, actual, result, threshold };
  const unknown = Object.freeze(make(null, 'unknown'));
  const interned = new Map<FactValue, FactConditionTrace>();
  return (values) => {
    const actual = values[slot] as FactValue;
    if (actual === null) return unknown;
    // A Map key does not tell -0 from 0, so -0 (like a list) gets a trace of its own.
    if (typeof actual === 'object' || Object.is(actual, -0)) return make(actual, test(actual, expected) ? 'true' : 'false');
    let trace = interned.get(actual);
    if (trace === undefined) {
      trace = make(actual, test(actual, expected) ? 'true' : 'false');
      if (interned.size < INTERNED_PER_COMPARISON && takeInternSlot()) interned.set(actual, Object.freeze(trace));
    }
    return trace;
  };
}
