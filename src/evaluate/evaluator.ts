import type { Evaluation } from '../model/evaluation';
import type { FactValues } from './prepareFacts';

/**
 * Evaluates a compiled ruleset's rules and notes for one transaction's facts: every rule's trace step and every
 * note's three-valued result, from which `buildAssessment` makes the assessment. Each ruleset's runtime holds two:
 *
 * - `EngineEvaluator` (`engine/`): json-rules-engine, run in three-valued mode. Used by `assess`; it is the contract
 *   and the oracle.
 * - `CompiledEvaluator` (`compiled/`): plain closures built once from the same condition trees. Used by `assessMany`
 *   and `assessEach` for bulk work.
 *
 * A property test in CI (`test/property/agreement.prop.test.ts`) checks that both give deep-equal assessments.
 */
export interface Evaluator<Result extends Evaluation | Promise<Evaluation>> {
  /** Evaluates every rule and note; the traces it returns are never changed afterwards (they may be shared). */
  evaluate(facts: FactValues): Result;
}
