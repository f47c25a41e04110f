/** Why an assessment could not be made although the transaction is valid. */
export type AssessmentErrorCode =
  /** No version of the ruleset is in force on the assessment date; the message names the validity windows. */
  | 'ruleset_not_in_force'
  /** The requested ruleset id is not bundled or registered. */
  | 'unknown_ruleset'
  /** The value passed as `options.ruleset` did not come from `compileRuleset` or `loadRuleset`. */
  | 'not_a_compiled_ruleset'
  /** An option passed to the call is malformed (e.g. `asOf` is not a `YYYY-MM-DD` date). */
  | 'invalid_option'
  /** The evaluation engine failed or disagreed with itself; this is a bug, reported with its cause. */
  | 'engine_failure';

/**
 * Thrown when a valid transaction cannot be assessed: the ruleset is not in force on the date, unknown, or the engine failed.
 * It never falls through to a default answer.
 */
export class AssessmentError extends Error {
  override readonly name = 'AssessmentError';
  readonly code: AssessmentErrorCode;

  constructor(code: AssessmentErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
