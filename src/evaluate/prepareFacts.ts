import type { Program } from '../compile/program';
import { INPUT_FACTS } from '../transaction/inputFacts';
import type { ParsedTransaction } from '../transaction/transactionSchema';
import type { FactValue } from '../types/assessment';
import { compileDerivation } from './derive';

/** Every fact the ruleset declares, computed once for one transaction; `null` marks an unknown fact. */
export interface FactValues {
  /** A declared fact's value (`null` when unknown); `undefined` for a fact the ruleset does not declare. */
  get(factId: string): FactValue | undefined;
  /** The values in the order of the program's facts (see `factSlots`), for evaluators compiled against the program. */
  readonly slots: readonly FactValue[];
}

/** How one program's facts are laid out and computed: built once per program. */
interface FactPlan {
  readonly slots: ReadonlyMap<string, number>;
  readonly compute: (transaction: ParsedTransaction) => FactValue[];
}

const plans = new WeakMap<Program, FactPlan>();

/** Where each of the program's facts sits in `FactValues.slots`. */
export function factSlots(program: Program): ReadonlyMap<string, number> {
  return planOf(program).slots;
}

/** Reads the ruleset's input facts from a validated transaction and computes its derived facts, in dependency order. */
export function prepareFacts(program: Program, transaction: ParsedTransaction): FactValues {
  const plan = planOf(program);
  return new PreparedFacts(plan.slots, plan.compute(transaction));
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

function planOf(program: Program): FactPlan {
  let plan = plans.get(program);
  if (plan === undefined) {
    plan = createPlan(program);
    plans.set(program, plan);
  }
  return plan;
}

/** One step per fact, in the program's dependency order, so that a derivation only reads slots already filled. */
function createPlan(program: Program): FactPlan {
  const slots = new Map(program.facts.map((fact, index) => [fact.id, index]));
  const slotOf = (factId: string) => {
    const slot = slots.get(factId);
    if (slot === undefined) throw new Error(`Unchecked reference to fact ${factId}`);
    return slot;
  };
  const steps = program.facts.map((fact): ((values: readonly FactValue[], transaction: ParsedTransaction) => FactValue) => {
    if (fact.derive !== undefined) {
      const derivation = compileDerivation(fact.derive, slotOf, program);
      return (values) => derivation(values);
    }
    const read = INPUT_FACTS.get(fact.id)?.read;
    return read === undefined ? () => null : (_, transaction) => read(transaction) ?? null;
  });
  const count = steps.length;
  return {
    slots,
    compute: (transaction) => {
      const values: FactValue[] = [];
      for (let slot = 0; slot < count; slot++) values.push((steps[slot] as (typeof steps)[number])(values, transaction));
      return values;
    },
  };
}
