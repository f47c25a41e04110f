import { describe, expect, test } from 'vitest';
import { assessScenario, loadScenarioFiles } from '../support/scenarios';

describe.each(loadScenarioFiles())('$folder/$file', ({ folder, scenarios }) => {
  test.each(scenarios.map((scenario) => [scenario.name, scenario] as const))('%s', async (_, scenario) => {
    const assessment = await assessScenario(scenario, folder);
    const { expect: expected } = scenario;
    const context = `${scenario.name} (${scenario.provision})`;
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
    if (expected.rulesetVersion !== undefined) expect(assessment.ruleset.version, context).toBe(expected.rulesetVersion);
    if (expected.overlays !== undefined) expect(assessment.ruleset.overlays.map((overlay) => overlay.id), context).toEqual(expected.overlays);
  });
});
