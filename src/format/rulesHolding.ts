import type { Assessment, TraceStep } from '../types/assessment';
import type { Outcome } from '../types/outcome';

/** While no rule decides: the rules that already hold, and the outcomes an answer may still lead to instead. */
export interface RulesHolding {
  readonly steps: readonly TraceStep[];
  /** The possible outcomes that no holding rule decides, highest first. */
  readonly stillPossible: readonly Outcome[];
}

/**
 * What "Why" shows of an undecided assessment, which has no deciding provisions: the rules that hold all the same
 * (e.g. a due-diligence step is outstanding), so the report never reads as if nothing applied.
 */
export function rulesHolding(assessment: Assessment): RulesHolding {
  const steps = assessment.trace.filter((step) => step.result === 'true');
  return {
    steps,
    stillPossible: assessment.possibleOutcomes.filter((outcome) => !steps.some((step) => step.outcome === outcome)),
  };
}
