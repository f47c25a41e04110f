import type { TraceStep, TruthValue } from '../types/assessment';

/** What either evaluation path produces for one transaction: every rule's trace step and every note's result. */
export interface Evaluation {
  readonly steps: readonly TraceStep[];
  readonly notes: readonly TruthValue[];
}
