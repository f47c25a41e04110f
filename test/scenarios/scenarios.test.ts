import { describe, expect, test } from 'vitest';
import { isVersionOrCorrection, loadScenarioFiles, scenarioRuns } from '../support/scenarios';

describe.each(loadScenarioFiles())('$folder/$file', (file) => {
  const cases = file.scenarios.flatMap((scenario) => scenarioRuns(scenario, file).map((run) => [`${scenario.name} [${run.label}]`, scenario, run] as const));
  test.each(cases)('%s', async (name, scenario, run) => {
    const assessment = await run.assess();
    const { expect: expected } = scenario;
    const context = `${name} (${scenario.provision})`;
    expect(assessment.outcome, context).toBe(expected.outcome);
    if (expected.possibleOutcomes !== undefined) expect([...assessment.possibleOutcomes].sort(), context).toEqual([...expected.possibleOutcomes].sort());
    if (expected.decidingRules !== undefined) expect(assessment.obligations.map((obligation) => obligation.rule).sort(), context).toEqual([...expected.decidingRules].sort());
    const asked = assessment.questions.map((question) => question.fact);
    for (const fact of expected.questions ?? []) expect(asked, `${context}: asks ${fact}`).toContain(fact);
    for (const fact of expected.noQuestionsAbout ?? []) expect(asked, `${context}: does not ask ${fact}`).not.toContain(fact);
    const notes = assessment.notes.map((note) => note.id);
    for (const note of expected.notes ?? []) expect(notes, context).toContain(note);
    for (const note of expected.absentNotes ?? []) expect(notes, context).not.toContain(note);
    if (expected.competentAuthority !== undefined) expect(assessment.competentAuthority?.memberState ?? null, context).toBe(expected.competentAuthority);
    if (expected.authorityName === null) expect(assessment.competentAuthority?.name, `${context}: no authority named`).toBeUndefined();
    else if (expected.authorityName !== undefined) expect(assessment.competentAuthority?.name ?? '', `${context}: the authority's name`).toContain(expected.authorityName);
    if (expected.certainDuties !== undefined) expect((assessment.certainDuties ?? []).map((duty) => duty.id).sort(), `${context}: certain duties`).toEqual([...expected.certainDuties].sort());
    // A scenario written for 1.0.0 also holds for the correction that replaces it (1.1.0), unless it pins 1.0.0.
    if (expected.rulesetVersion !== undefined) expect(isVersionOrCorrection(assessment.ruleset.id, assessment.ruleset.version, expected.rulesetVersion), `${context}: version ${assessment.ruleset.version}`).toBe(true);
    if (expected.overlays !== undefined) expect(assessment.ruleset.overlays.map((overlay) => overlay.id), context).toEqual(expected.overlays);
  });
});
