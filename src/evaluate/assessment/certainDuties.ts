import type { Program } from '../../model/program';
import type { Duty } from '../../types/assessment';
import type { Outcome } from '../../types/outcome';

const NONE: readonly Duty[] = Object.freeze([]);

/**
 * What a ruleset's assessments share of their certain duties: `undefined` for a ruleset that declares no duties (its
 * assessments do not have the field), else the frozen list of certain duties per set of possible outcomes, found once.
 */
export type CertainDutyLists = Map<string, readonly Duty[]> | undefined;

/** The (empty) table of certain duties for a program, kept with the parts every assessment of it shares. */
export function createCertainDutyLists(program: Program): CertainDutyLists {
  return [...program.outcomes.values()].some((outcome) => outcome.duties.length > 0) ? new Map() : undefined;
}

/**
 * The duties that hold in every completion of the unknown facts: those every outcome a completion can lead to carries
 * (`Resolution.completionOutcomes`: the possible outcomes less those only rules that cannot hold keep open), in the
 * order of the first one's list (for a decided assessment, its outcome's duties). Sound because those outcomes contain
 * the outcome of every completion. `undefined` for a ruleset that declares no duties, whose assessments do not have
 * the field. The list and its duties are frozen and shared (the duties are the program's own).
 */
export function certainDutiesOf(
  program: Program,
  lists: CertainDutyLists,
  completionOutcomes: readonly Outcome[],
): readonly Duty[] | undefined {
  if (lists === undefined) return undefined;
  const key = completionOutcomes.join(',');
  let duties = lists.get(key);
  if (duties === undefined) {
    const [first, ...others] = completionOutcomes.map((outcome) => program.outcomes.get(outcome)?.duties ?? NONE);
    duties = Object.freeze(
      (first ?? NONE).filter((duty) => others.every((list) => list.some((other) => other.id === duty.id))),
    );
    lists.set(key, duties);
  }
  return duties;
}
