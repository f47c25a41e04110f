import type { Assessment } from '../../types/assessment';
import type { Outcome } from '../../types/outcome';
import type { RulesetDocument } from '../../types/ruleset';
import { precedencesSchema, readAssessment, readShaped, readStrings } from '../kitArguments';

/**
 * Why the assessment of a completion is not covered by that of the partial transaction, or `undefined` when it is.
 * Soundness of `possibleOutcomes` and `certainDuties`: answering what is unknown (in the transaction, or in the
 * ruleset's own data) only narrows the possible outcomes, so every outcome still possible after it was possible
 * before, and a decided outcome is the outcome of every completion; and a duty certain before is certain after, since
 * it holds whatever the answers.
 */
export function soundnessFailure(partial: Assessment, completion: Assessment): string | undefined {
  readAssessment(partial, ['partial']);
  readAssessment(completion, ['completion']);
  return ownSoundnessFailure(partial, completion);
}

/**
 * `soundnessFailure` on assessments this package made, which need no reading as untrusted arguments: what the kit's
 * checks call for every pair they assess (reading both assessments each time cost fifty times the check itself).
 */
export function ownSoundnessFailure(partial: Assessment, completion: Assessment): string | undefined {
  const outside = completion.possibleOutcomes.filter((outcome) => !partial.possibleOutcomes.includes(outcome));
  if (outside.length > 0)
    return (
      `the partial transaction is assessed ${describe(partial)}, but a completion of it gives ` +
      `${describe(completion)}: ${outside.join(', ')} ${outside.length === 1 ? 'was' : 'were'} not possible.`
    );
  const after = completion.certainDuties ?? [];
  const lost = (partial.certainDuties ?? []).filter((duty) => !after.some((other) => other.id === duty.id));
  if (lost.length > 0)
    return (
      `the partial transaction is assessed ${describe(partial)} with the certain duties ` +
      `${dutyIds(partial)}, but a completion of it gives ${describe(completion)} with ${dutyIds(completion)}: ` +
      `${lost.map((duty) => duty.id).join(', ')} ${lost.length === 1 ? 'was' : 'were'} not certain.`
    );
  return undefined;
}

function dutyIds(assessment: Assessment): string {
  const ids = (assessment.certainDuties ?? []).map((duty) => duty.id);
  return ids.length === 0 ? 'none' : ids.join(', ');
}

/**
 * Why a raise lowered the outcome, or `undefined` when it did not. "Lower" is in the ruleset's precedence order, on
 * the range of possible outcomes: a raise must not lower the lowest possible outcome (what the transaction surely
 * leads to at least, the decided outcome when there is one) nor the highest (what it may lead to at most). The
 * reported outcome alone is not the measure: a raise can leave a rule of higher precedence open where it was false,
 * and the open case then reports `insufficient_information`, which may rank below the decided outcome it replaces,
 * although nothing possible became lower.
 *
 * @param precedence - Each outcome's precedence (`outcomes` of the ruleset).
 * @param raise - What the raise did, in words, for the message (`Raise.description`).
 */
export function loweringFailure(
  before: Assessment,
  after: Assessment,
  precedence: RulesetDocument['outcomes'],
  raise: string,
): string | undefined {
  readAssessment(before, ['before']);
  readAssessment(after, ['after']);
  readShaped(precedence ?? {}, precedencesSchema, ['precedence'], "a ruleset's outcomes");
  readStrings({ raise });
  return ownLoweringFailure(before, after, precedence, raise);
}

/** `loweringFailure` on assessments this package made and a compiled ruleset's outcomes (see `ownSoundnessFailure`). */
export function ownLoweringFailure(
  before: Assessment,
  after: Assessment,
  precedence: RulesetDocument['outcomes'],
  raise: string,
): string | undefined {
  const rank = (outcome: Outcome) => precedence?.[outcome]?.precedence ?? Number.NEGATIVE_INFINITY;
  const lowest = (assessment: Assessment) => Math.min(...assessment.possibleOutcomes.map(rank));
  const highest = (assessment: Assessment) => Math.max(...assessment.possibleOutcomes.map(rank));
  if (lowest(after) >= lowest(before) && highest(after) >= highest(before)) return undefined;
  return `${raise} lowers the possible outcomes from ${describe(before)} to ${describe(after)}.`;
}

/**
 * Why reordering the entries of a transaction's lists changed the decision (the outcome or the possible outcomes), or
 * `undefined` when it did not: lists are sets to the law, so their order never matters.
 */
export function orderFailure(original: Assessment, reordered: Assessment): string | undefined {
  readAssessment(original, ['original']);
  readAssessment(reordered, ['reordered']);
  return ownOrderFailure(original, reordered);
}

/** `orderFailure` on assessments this package made (see `ownSoundnessFailure`). */
export function ownOrderFailure(original: Assessment, reordered: Assessment): string | undefined {
  if (describe(original) === describe(reordered)) return undefined;
  return `the same transaction with its lists in another order is assessed ${describe(reordered)}, not ${describe(original)}.`;
}

function describe(assessment: Assessment): string {
  return `${assessment.outcome} (possible: ${assessment.possibleOutcomes.join(', ')})`;
}
