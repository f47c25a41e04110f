import type { TraceStep, TruthValue } from '../types/assessment';

/** What either evaluation path produces for one transaction: every rule's trace step and every note's result. */
export interface Evaluation {
  readonly steps: readonly TraceStep[];
  readonly notes: readonly TruthValue[];
  /**
   * Whether every step is one the evaluator shares between transactions, frozen throughout. A step made for this
   * transaction alone is left unfrozen, for `buildAssessment` to freeze once it has read it.
   */
  readonly stepsShared: boolean;
}
