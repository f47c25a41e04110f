import { describe, expect, test } from 'vitest';
import { checkScenario } from '../../src/testing/index';
import { loadScenarioFiles, scenarioRuns } from '../support/scenarios';

// The scenarios run through the kit's checkScenario, as `dual-use-rules test` runs them: every expectation that does not
// hold is listed with what was expected and what the assessment gave.
describe.each(loadScenarioFiles())('$folder/$file', (file) => {
  const cases = file.scenarios.flatMap((scenario) =>
    scenarioRuns(scenario, file).map((run) => [`${scenario.name} [${run.label}]`, scenario, run] as const),
  );
  test.each(cases)('%s', async (name, scenario, run) => {
    expect(checkScenario(scenario, await run.assess()), `${name} (${scenario.provision})`).toEqual([]);
  });
});
