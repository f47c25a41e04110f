import type { Assessment } from './types/assessment';
import type { Citation } from './types/citation';
import type { DecisionCitation, DecisionLine } from './types/decisionLine';

/**
 * The decision of an assessment, without its trace, for line `line` of a batch: its outcome, possible outcomes,
 * certain duties, open questions (fact path and prompt), the deciding rules with their citations, the competent
 * authority, the notes (id and citation: law outside the decision, such as a military licence, that the outcome alone
 * does not show), the ruleset and the transaction's id. What `dual-use-rules batch` and `POST /assess/batch` write per
 * line.
 *
 * @param line - The input line's number, from 1.
 * @param assessment - An assessment from `assess`, `assessMany` or `assessEach`.
 */
export function decisionLine(line: number, assessment: Assessment): DecisionLine {
  const { certainDuties, competentAuthority: authority } = assessment;
  return {
    line,
    ...(assessment.transactionId === undefined ? {} : { transactionId: assessment.transactionId }),
    outcome: assessment.outcome,
    possibleOutcomes: assessment.possibleOutcomes,
    ...(certainDuties === undefined
      ? {}
      : { certainDuties: certainDuties.map(({ id, title, citation }) => ({ id, title, citation: cited(citation) })) }),
    questions: assessment.questions.map(({ fact, prompt }) => ({ fact, prompt })),
    decidedBy: assessment.obligations.map(({ rule, citation }) => ({ rule, citation: cited(citation) })),
    ...(authority === undefined
      ? {}
      : {
          competentAuthority: {
            memberState: authority.memberState,
            ...(authority.name === undefined ? {} : { name: authority.name }),
            citation: cited(authority.citation),
          },
        }),
    notes: assessment.notes.map(({ id, citation }) => ({ id, citation: cited(citation) })),
    ruleset: assessment.ruleset,
  };
}

/** Where to read a citation, without its quote and note: what keeps a decision line short. */
function cited({ instrument, pinpoint, binding, url, confidence }: Citation): DecisionCitation {
  return { instrument, pinpoint, binding, ...(url === undefined ? {} : { url }), confidence };
}
