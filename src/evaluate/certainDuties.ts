import type { Program } from '../model/program';
import type { Duty } from '../types/assessment';
import type { Outcome } from '../types/outcome';

const NONE: readonly Duty[] = Object.freeze([]);

/** Per program: whether it declares duties at all, and the shared list of certain duties per set of possible outcomes. */
const cache = new WeakMap<Program, { readonly declared: boolean; readonly lists: Map<string, readonly Duty[]> }>();

/**
 * The duties that hold in every completion of the unknown facts: those every possible outcome carries, in the order of
 * the first possible outcome's list (for a decided assessment, its outcome's duties). Sound because `possibleOutcomes`
 * contains the outcome of every completion. `undefined` for a ruleset that declares no duties, whose assessments do
 * not have the field.
 */
export function certainDutiesOf(program: Program, possibleOutcomes: readonly Outcome[]): readonly Duty[] | undefined {
  let entry = cache.get(program);
  if (entry === undefined) {
    entry = {
      declared: [...program.outcomes.values()].some((outcome) => outcome.duties.length > 0),
      lists: new Map(),
    };
    cache.set(program, entry);
  }
  if (!entry.declared) return undefined;
  const key = possibleOutcomes.join(',');
  let duties = entry.lists.get(key);
  if (duties === undefined) {
    const [first, ...others] = possibleOutcomes.map((outcome) => program.outcomes.get(outcome)?.duties ?? NONE);
    duties = Object.freeze(
      (first ?? NONE).filter((duty) => others.every((list) => list.some((other) => other.id === duty.id))),
    );
    entry.lists.set(key, duties);
  }
  return duties;
}
