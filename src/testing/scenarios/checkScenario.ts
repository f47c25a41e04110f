import { listRulesets } from '../../loadRuleset';
import type { Assessment } from '../../types/assessment';
import { readAssessment, readShaped, readStrings } from '../kitArguments';
import { scenarioSchema, type Scenario } from './scenarioFile';

/** One way an assessment differs from what its scenario expects. */
export interface ScenarioMismatch {
  /** What was checked, e.g. `outcome`, `decidingRules`, `questions include`. */
  readonly check: string;
  readonly expected: unknown;
  readonly actual: unknown;
}

/**
 * How an assessment differs from what a scenario expects: every expectation the scenario gives is checked, and each
 * one that does not hold is listed (none: the scenario passes). The expectations come from the law, so a mismatch is a
 * finding about the ruleset or the scenario, for a person to judge.
 */
export function checkScenario(scenario: Scenario, assessment: Assessment): ScenarioMismatch[] {
  readShaped(scenario, scenarioSchema, ['scenario'], 'a scenario (parseScenarioFile)');
  readAssessment(assessment, ['assessment']);
  const expected = scenario.expect;
  const mismatches: ScenarioMismatch[] = [];
  const exactly = (
    check: string,
    want: readonly unknown[] | undefined,
    actual: readonly unknown[],
    ordered = false,
  ) => {
    if (want === undefined) return;
    const [a, b] = ordered ? [want, actual] : [[...want].sort(), [...actual].sort()];
    if (JSON.stringify(a) !== JSON.stringify(b)) mismatches.push({ check, expected: want, actual });
  };
  if (assessment.outcome !== expected.outcome)
    mismatches.push({ check: 'outcome', expected: expected.outcome, actual: assessment.outcome });
  exactly('possibleOutcomes', expected.possibleOutcomes, assessment.possibleOutcomes);
  exactly(
    'decidingRules',
    expected.decidingRules,
    assessment.obligations.map((obligation) => obligation.rule),
  );
  exactly(
    'certainDuties',
    expected.certainDuties,
    (assessment.certainDuties ?? []).map((duty) => duty.id),
  );
  const asked = assessment.questions.map((question) => question.fact);
  const notes = assessment.notes.map((note) => note.id);
  const missing = (want: readonly string[] | undefined, have: readonly string[]) =>
    (want ?? []).filter((item) => !have.includes(item));
  const present = (unwanted: readonly string[] | undefined, have: readonly string[]) =>
    (unwanted ?? []).filter((item) => have.includes(item));
  if (missing(expected.questions, asked).length > 0)
    mismatches.push({ check: 'questions include', expected: expected.questions, actual: asked });
  if (present(expected.noQuestionsAbout, asked).length > 0)
    mismatches.push({ check: 'no questions about', expected: expected.noQuestionsAbout, actual: asked });
  if (missing(expected.notes, notes).length > 0)
    mismatches.push({ check: 'notes include', expected: expected.notes, actual: notes });
  if (present(expected.absentNotes, notes).length > 0)
    mismatches.push({ check: 'notes exclude', expected: expected.absentNotes, actual: notes });
  const authority = assessment.competentAuthority;
  if (expected.competentAuthority !== undefined && (authority?.memberState ?? null) !== expected.competentAuthority)
    mismatches.push({
      check: 'competentAuthority',
      expected: expected.competentAuthority,
      actual: authority?.memberState ?? null,
    });
  if (
    expected.authorityName !== undefined &&
    (expected.authorityName === null
      ? authority?.name !== undefined
      : !(authority?.name ?? '').includes(expected.authorityName))
  )
    mismatches.push({ check: 'authorityName', expected: expected.authorityName, actual: authority?.name ?? null });
  // A scenario written for 1.0.0 also holds for the correction that replaces it (1.1.0), unless it pins 1.0.0.
  if (
    expected.rulesetVersion !== undefined &&
    !isVersionOrCorrection(assessment.ruleset.id, assessment.ruleset.version, expected.rulesetVersion)
  )
    mismatches.push({ check: 'rulesetVersion', expected: expected.rulesetVersion, actual: assessment.ruleset.version });
  exactly(
    'overlays',
    expected.overlays,
    assessment.ruleset.overlays.map((overlay) => overlay.id),
    true,
  );
  return mismatches;
}

/** Whether a version is the expected one, or a bundled correction that replaces it (1.1.0 for 1.0.0). */
export function isVersionOrCorrection(id: string, actual: string, expected: string): boolean {
  readStrings({ id, actual, expected });
  const summaries = listRulesets().filter((summary) => summary.id === id);
  for (
    let version: string | undefined = expected;
    version !== undefined;
    version = summaries.find((summary) => summary.version === version)?.replacedBy
  ) {
    if (version === actual) return true;
  }
  return false;
}
