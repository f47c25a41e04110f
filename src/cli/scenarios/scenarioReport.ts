import type { Colors } from '../io';
import { escapeControls } from '../output/safeText';
import type { RuleCoverage, ScenarioResult } from './runScenarios';

/** A result's name as the report and JUnit give it: the scenario, its provision, and the ruleset it ran against. */
export function resultName(result: ScenarioResult): string {
  return `${result.scenario.name} (${result.scenario.provision}) [${result.ruleset}]`;
}

export function passed(result: ScenarioResult): boolean {
  return result.error === undefined && result.mismatches.length === 0;
}

/**
 * What failed, for a person: per failing scenario, the expected and actual outcome and deciding rules (with their
 * citations), then every other expectation that does not hold, as `-` expected and `+` actual lines.
 */
export function describeFailure(result: ScenarioResult, colors: Colors): string {
  const heading = `${colors.red('FAIL')} ${escapeControls(`${result.file} › ${resultName(result)}`)}`;
  if (result.error !== undefined)
    return `${heading}\n  could not be assessed: ${result.error.split('\n').join('\n  ')}\n`;
  const { assessment, scenario } = result;
  const lines = [heading];
  const diff = (check: string, expected: unknown, actual: unknown) =>
    lines.push(
      `  ${check}`,
      colors.red(`    - expected: ${escapeControls(JSON.stringify(expected))}`),
      colors.green(`    + actual:   ${escapeControls(JSON.stringify(actual))}`),
    );
  const outcome = result.mismatches.find((mismatch) => mismatch.check === 'outcome');
  if (outcome === undefined) lines.push(`  outcome: ${assessment?.outcome ?? ''} (as expected)`);
  else diff('outcome', outcome.expected, outcome.actual);
  const deciding = assessment?.obligations ?? [];
  lines.push(
    `  deciding rules of the actual outcome: ${
      deciding.length === 0
        ? 'none (the outcome is undecided)'
        : deciding
            .map(({ rule, citation }) => escapeControls(`${rule} (${citation.instrument}, ${citation.pinpoint})`))
            .join('; ')
    }`,
  );
  for (const mismatch of result.mismatches)
    if (mismatch.check !== 'outcome') diff(mismatch.check, mismatch.expected, mismatch.actual);
  if (scenario.reasoning !== undefined) lines.push(`  the scenario's reasoning: ${escapeControls(scenario.reasoning)}`);
  return `${lines.join('\n')}\n`;
}

/** The line that ends a run: how many scenario runs passed and failed. */
export function describeTotals(results: readonly ScenarioResult[], colors: Colors): string {
  const failed = results.filter((result) => !passed(result)).length;
  const summary = `${results.length} scenario run${results.length === 1 ? '' : 's'}: ${results.length - failed} passed, ${failed} failed`;
  return `${failed === 0 ? colors.green(summary) : colors.red(summary)}\n`;
}

/** The coverage table: per rule, whether the scenarios saw its condition true, false and unknown. */
export function describeCoverage(coverage: RuleCoverage): string {
  const rules = Object.keys(coverage);
  const width = Math.max(4, ...rules.map((rule) => rule.length));
  const mark = (seen: boolean) => (seen ? 'yes' : '-').padEnd(8);
  const rows = Object.entries(coverage).map(([rule, seen]) =>
    `  ${escapeControls(rule).padEnd(width)}  ${mark(seen.true)}${mark(seen.false)}${mark(seen.unknown)}`.trimEnd(),
  );
  const never = Object.values(coverage).filter((seen) => !seen.true && !seen.false && !seen.unknown).length;
  return (
    `Rule coverage (whether a scenario saw each rule's condition true, false, unknown):\n` +
    `  ${'RULE'.padEnd(width)}  TRUE    FALSE   UNKNOWN\n${rows.join('\n')}\n` +
    (never === 0 ? '' : `${never} rule${never === 1 ? ' was' : 's were'} never evaluated.\n`)
  );
}
