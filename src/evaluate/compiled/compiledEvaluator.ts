import type { Evaluation } from '../../model/evaluation';
import type { Program } from '../../model/program';
import type { FactValue, TraceStep, TruthValue } from '../../types/assessment';
import type { Evaluator } from '../evaluator';
import { NumbersByIndex, TupleNumbers } from '../numberTables';
import type { FactValues } from '../prepareFacts';
import {
  createTraceTables,
  createValueNumbers,
  INTERNED_PER_CONDITION,
  INTERNED_PER_PART,
  INTERNED_TRACES,
  type TraceTable,
} from './intern';
import { shareConditions, slotsRead } from './sharedConditions';
import { createTraceCompiler, type NodeEvaluator } from './traceCompiler';
import { createTruthCompiler, TRUTH_VALUES } from './truthCompiler';

/**
 * The compiled evaluator, used by `assessMany` and `assessEach`: a synchronous evaluator built from the program's
 * condition trees, plain closures created once per ruleset. No ruleset string is ever turned into code.
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
export class CompiledEvaluator implements Evaluator<Evaluation> {
  readonly #program: Program;
  readonly #slots: ReadonlyMap<string, number>;
  #evaluate: ((facts: FactValues) => Evaluation) | undefined;

  /** @param slots - Where each fact's value sits in `FactValues.slots` (see `FactPlan`). */
  constructor(program: Program, slots: ReadonlyMap<string, number>) {
    this.#program = program;
    this.#slots = slots;
  }

  /** Evaluates every rule (with its trace) and every note (its result only) for one transaction. */
  evaluate(facts: FactValues): Evaluation {
    // Built on the first call: compiling a ruleset costs nothing for this path until it is used.
    this.#evaluate ??= buildEvaluator(this.#program, this.#slots);
    return this.#evaluate(facts);
  }
}

/** The closures, and the rule loop that finds or builds each rule's step. */
function buildEvaluator(program: Program, slotOf: ReadonlyMap<string, number>): (facts: FactValues) => Evaluation {
  const { ruleRoots, noteRoots, size } = shareConditions(program);
  const tables = createTraceTables(Math.max(INTERNED_TRACES, INTERNED_PER_PART * (size + program.rules.length)));
  const compiler = createTraceCompiler(slotOf, size, tables);
  // Parallel arrays by rule index, read in the per-transaction loop below.
  const ruleEvaluators = ruleRoots.map((root) => compiler.compile(root));
  const stepTables = program.rules.map(() => tables.table<TraceStep>());
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
  const truth = createTruthCompiler(slotOf, size);
  const notes = noteRoots.map((root) => truth.compile(root));
  const noteCount = notes.length;

  return (facts) => {
    compiler.startTransaction();
    const slots = facts.slots;
    const numbers = valueNumbers.numberValues(slots);
    // Sized up front: grown by push, a new array is copied several times on the way to its length.
    const steps = new Array<TraceStep>(ruleCount);
    let stepsShared = true;
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
      if (stepCode < 0) stepsShared = false;
      steps[index] = step;
    }
    truth.startTransaction();
    const noteResults = new Array<TruthValue>(noteCount);
    for (let index = 0; index < noteCount; index++)
      noteResults[index] = TRUTH_VALUES[
        (notes[index] as (values: readonly FactValue[]) => number)(slots)
      ] as TruthValue;
    return { steps, notes: noteResults, stepsShared };
  };
}
