import type { Program } from '../../model/program';
import type { FactValue } from '../../types/assessment';

/** How the facts of a program depend on each other, by slot (the order of `program.facts`), for asking questions. */
export interface FactInputs {
  /** The slots of each fact's direct inputs (none for an input fact). */
  readonly inputSlots: readonly (readonly number[])[];
  /** Whether the fact in a slot is derived (not a transaction field). */
  readonly derived: readonly boolean[];
  /** Whether the fact in a slot is a list of records, which can be known and still leave a field of a record unknown. */
  readonly records: readonly boolean[];
}

/** The dependency table of a program's facts, given the slots of each fact's inputs. */
export function factInputs(program: Program, inputSlots: readonly (readonly number[])[]): FactInputs {
  return {
    inputSlots,
    derived: program.facts.map((fact) => fact.derive !== undefined),
    records: program.facts.map((fact) => fact.type === 'records'),
  };
}

/**
 * Visits what to ask to settle a fact (by slot): the transaction fields behind it that are unknown, depth first. A
 * derived fact whose inputs are all known can still be unknown: when it reads a list of records, because a field of
 * a record is unknown, and then that list is asked; otherwise because the ruleset's own data leaves it unknown (a
 * catalogue attribute recorded as `null`). Such a fact is asked itself only when nothing behind the fact asked can
 * answer it: where the ruleset offers a transaction field as well (e.g. the exporter's statement of a national rule
 * beside the ruleset's record of it), only that field is asked, so every question names a transaction path.
 * Each slot is visited once per call, in the order first reached.
 */
export function visitAnswerableInputs(
  inputs: FactInputs,
  values: readonly FactValue[],
  slot: number,
  visit: (slot: number) => void,
): void {
  const answerable: number[] = [];
  const unanswerable: number[] = [];
  const add = (list: number[], found: number) => {
    if (!list.includes(found)) list.push(found);
  };
  const walk = (at: number): void => {
    const direct = inputs.inputSlots[at] as readonly number[];
    let unknownInput = false;
    for (const input of direct) {
      if ((values[input] ?? null) !== null) continue;
      unknownInput = true;
      walk(input);
    }
    if (unknownInput) return;
    if (inputs.derived[at] !== true) {
      add(answerable, at);
      return;
    }
    const incomplete = direct.filter((input) => inputs.records[input] === true && inputs.derived[input] !== true);
    if (incomplete.length > 0) for (const input of incomplete) add(answerable, input);
    else add(unanswerable, at);
  };
  walk(slot);
  for (const found of answerable.length > 0 ? answerable : unanswerable) visit(found);
}
