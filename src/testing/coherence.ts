import type { Assessment } from '../types/assessment';
import { UNDECIDED_OUTCOME } from '../types/outcome';

/**
 * What makes an assessment incoherent, or `undefined` when it is coherent (the `coherent` invariant):
 * - while several outcomes are possible, the outcome is `insufficient_information` (the contract's "not settled
 *   yet"), with no obligations: an open case never reads as a decision, as `no_obligation` or `not_applicable` would;
 * - whenever the outcome is `insufficient_information`, decided or not, at least one question says what to find out;
 * - a decided outcome is its only possible outcome and rests on at least one obligation.
 */
export function incoherence(assessment: Assessment): string | undefined {
  const { outcome, possibleOutcomes, obligations, questions } = assessment;
  if (possibleOutcomes.length > 1) {
    if (outcome !== UNDECIDED_OUTCOME)
      return (
        `several outcomes are possible (${possibleOutcomes.join(', ')}) but the outcome is ${outcome}, not ` +
        `${UNDECIDED_OUTCOME}: an open case reads as a decision.`
      );
    if (obligations.length > 0) return 'the outcome is undecided but obligations are listed.';
  }
  if (outcome === UNDECIDED_OUTCOME && questions.length === 0)
    return `the outcome is ${UNDECIDED_OUTCOME} but no question says what to find out.`;
  if (possibleOutcomes.length > 1) return undefined;
  if (possibleOutcomes[0] !== outcome)
    return `the outcome ${outcome} is not its only possible outcome ${String(possibleOutcomes[0])}.`;
  return obligations.length > 0 ? undefined : `the decided outcome ${outcome} rests on no obligation.`;
}
