import { invalidArgument } from '../../errors/UsageError';
import { today } from '../../time/dates';
import type { CompiledRuleset } from '../../types/compiledRuleset';
import { type TrustFlags } from '../commands/trustOptions';
import { colorsFor, standardOutput } from '../io';
import { jsonText } from '../output/safeText';
import { print, writeOutput } from '../output/sink';
import { junitXml } from '../scenarios/junit';
import { ruleCoverage, runScenarioFiles, scenarioDate, scenarioFilesIn } from '../scenarios/runScenarios';
import { describeCoverage, describeFailure, describeTotals, passed } from '../scenarios/scenarioReport';
import { compileRead, composeOntoBundled, readRulesetFiles } from './rulesetFiles';

/** The options of `test` as commander parses them. */
export interface TestFlags extends TrustFlags {
  readonly ruleset?: string;
  readonly overlay: string[];
  readonly junit?: string;
  readonly coverage?: boolean;
  readonly format: 'text' | 'json';
}

/** Runs `test`: runs scenario files against a ruleset and reports failures (exit 1 when any fails). */
export async function testAction(paths: string[], flags: TestFlags): Promise<void> {
  const files = scenarioFilesIn(paths);
  const read = readRulesetFiles([...(flags.ruleset === undefined ? [] : [flags.ruleset]), ...flags.overlay], flags);
  const given = flags.ruleset === undefined ? undefined : compileRead(read);
  const used = new Map<string, CompiledRuleset>();
  const choose =
    given !== undefined
      ? () => given
      : read.length > 0
        ? (scenario: Parameters<typeof scenarioDate>[0]) => {
            const date = scenarioDate(scenario) ?? today();
            let composed = used.get(date);
            if (composed === undefined) {
              composed = composeOntoBundled(read, date);
              used.set(date, composed);
            }
            return composed;
          }
        : undefined;
  const results = await runScenarioFiles(files, choose);
  if (results.length === 0) throw invalidArgument('scenarios', 'No scenario to run.');
  const plain = colorsFor({ isTTY: false });
  if (flags.junit !== undefined)
    writeOutput(
      junitXml(results, (result) => describeFailure(result, plain)),
      flags.junit,
    );
  const coverage = flags.coverage === true ? ruleCoverage(results) : undefined;
  const failures = results.filter((result) => !passed(result));
  if (flags.format === 'json') {
    print(
      `${jsonText(
        {
          passed: results.length - failures.length,
          failed: failures.length,
          failures: failures.map((result) => ({
            file: result.file,
            scenario: result.scenario.name,
            provision: result.scenario.provision,
            ruleset: result.ruleset,
            ...(result.error === undefined ? { mismatches: result.mismatches } : { error: result.error }),
          })),
          ...(coverage === undefined ? {} : { coverage }),
        },
        2,
      )}\n`,
    );
  } else {
    const colors = colorsFor(standardOutput);
    print(
      [
        ...failures.map((result) => describeFailure(result, colors)),
        ...(coverage === undefined ? [] : [describeCoverage(coverage)]),
        describeTotals(results, colors),
      ].join('\n'),
    );
  }
  if (failures.length > 0) process.exitCode = 1;
}
