import type { Program } from '../model/program';
import { INPUT_FACTS } from '../transaction/inputFacts';
import type { FactRecord, FactValue } from '../types/assessment';
import { compileDerivation } from './derive';

/** Every fact the ruleset declares, computed once for one transaction; `null` marks an unknown fact. */
export interface FactValues {
  /** A declared fact's value (`null` when unknown); `undefined` for a fact the ruleset does not declare. */
  get(factId: string): FactValue | undefined;
  /** The values in the order of the program's facts (see `FactPlan.slots`), for evaluators compiled against the program. */
  readonly slots: readonly FactValue[];
}

/** How one program's facts are laid out and computed: built once per ruleset, and kept by its runtime. */
export interface FactPlan {
  /** Where each of the program's facts sits in `FactValues.slots`. */
  readonly slots: ReadonlyMap<string, number>;
  /**
   * The transaction paths whose values `prepareFacts` takes, in its order: those of the program's input facts that
   * the transaction contract has (see `INPUT_FACTS`).
   */
  readonly inputPaths: readonly (readonly string[])[];
  readonly compute: (inputs: readonly unknown[]) => FactValue[];
}

/** A fact's slot in `slots`; the compiler has checked every reference to a fact, so a miss is a bug, not bad input. */
export function slotOfFact(slots: ReadonlyMap<string, number>, factId: string): number {
  const slot = slots.get(factId);
  if (slot === undefined) throw new Error(`Unchecked reference to fact ${factId}`);
  return slot;
}

/**
 * Computes a transaction's facts from the values at `plan.inputPaths` of the validated transaction (`undefined`
 * or `null` for unknown): input facts take them, derived facts are computed in dependency order.
 */
export function prepareFacts(plan: FactPlan, inputs: readonly unknown[]): FactValues {
  return new PreparedFacts(plan.slots, plan.compute(inputs));
}

class PreparedFacts implements FactValues {
  constructor(
    private readonly index: ReadonlyMap<string, number>,
    readonly slots: readonly FactValue[],
  ) {}

  get(factId: string): FactValue | undefined {
    const slot = this.index.get(factId);
    return slot === undefined ? undefined : (this.slots[slot] as FactValue);
  }
}

/** One step per fact, in the program's dependency order, so that a derivation only reads slots already filled. */
export function createFactPlan(program: Program): FactPlan {
  const slots = new Map(program.facts.map((fact, index) => [fact.id, index]));
  const slotOf = (factId: string) => slotOfFact(slots, factId);
  const paths: (readonly string[])[] = [];
  const steps = program.facts.map((fact): ((values: readonly FactValue[], inputs: readonly unknown[]) => FactValue) => {
    if (fact.derive !== undefined) {
      const derivation = compileDerivation(fact.derive, slotOf, program);
      return (values) => derivation(values);
    }
    const input = INPUT_FACTS.get(fact.id);
    if (input === undefined) return () => null;
    const position = paths.push(input.path) - 1;
    if (input.type === 'records') return (_, inputs) => compactRecords(inputs[position]);
    return (_, inputs) => (inputs[position] ?? null) as FactValue;
  });
  const count = steps.length;
  return {
    slots,
    inputPaths: paths,
    compute: (inputs) => {
      // Sized up front: grown by push, a new array is copied several times on the way to its length.
      const values = new Array<FactValue>(count);
      for (let slot = 0; slot < count; slot++) values[slot] = (steps[slot] as (typeof steps)[number])(values, inputs);
      return values;
    },
  };
}

/** Records with their unknown (null or absent) fields left out, so derivations see only what is known. */
function compactRecords(records: unknown): FactValue {
  if (records === null || records === undefined) return null;
  return (records as readonly Readonly<Record<string, string | readonly string[] | null | undefined>>[]).map(
    (record) => {
      const compact: Record<string, string | readonly string[]> = {};
      for (const [key, value] of Object.entries(record))
        if (value !== null && value !== undefined) compact[key] = value;
      return compact as FactRecord;
    },
  );
}
