/** The outcomes an assessment can have, in the library's output contract. */
export const OUTCOMES = [
  'authorisation_required',
  'notification_required',
  'insufficient_information',
  'enhanced_due_diligence',
  'no_obligation',
  'not_applicable',
] as const;

/**
 * What the law requires for the assessed transaction.
 *
 * - `authorisation_required`: an export authorisation (licence) is needed before export.
 * - `notification_required`: the exporter must notify the competent authority and hold the export until it decides.
 * - `insufficient_information`: the answer depends on facts not yet known, or on due diligence still outstanding.
 * - `enhanced_due_diligence`: risk signs without positive knowledge; investigate, mitigate and document.
 * - `no_obligation`: nothing in the ruleset requires action; keep the records.
 * - `not_applicable`: the ruleset does not reach this activity (e.g. it is not an export).
 *
 * What each outcome means for a given ruleset, and which one wins, is data in that ruleset.
 */
export type Outcome = (typeof OUTCOMES)[number];

/**
 * The outcome that says the answer is not settled yet (`insufficient_information`: it depends on facts not yet known,
 * or on due diligence still outstanding). An assessment reports it while several outcomes remain possible, so it is
 * every base ruleset's `undecided` outcome: any other would present an open case as a decision (an undecided
 * `no_obligation` reads as "nothing to do").
 */
export const UNDECIDED_OUTCOME = 'insufficient_information' satisfies Outcome;

/** The outcome an assessment reports while several outcomes remain possible: `UNDECIDED_OUTCOME`. */
export type UndecidedOutcome = typeof UNDECIDED_OUTCOME;
