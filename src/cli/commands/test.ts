import { Option, type Command } from 'commander';
import { invalidArgument } from '../../errors/UsageError';
import { today } from '../../time/dates';
import type { CompiledRuleset } from '../../types/compiledRuleset';
import { colorsFor, standardOutput } from '../io';
import { jsonText } from '../output/safeText';
import { print, writeOutput } from '../output/sink';
import { junitXml } from '../scenarios/junit';
import { ruleCoverage, runScenarioFiles, scenarioDate, scenarioFilesIn } from '../scenarios/runScenarios';
import { describeCoverage, describeFailure, describeTotals, passed } from '../scenarios/scenarioReport';
import {
  addTrustOptions,
  compileRead,
  composeOntoBundled,
  readRulesetFiles,
  repeatable,
  type TrustFlags,
} from './rulesetFiles';

interface TestFlags extends TrustFlags {
  readonly ruleset?: string;
  readonly overlay: string[];
  readonly junit?: string;
  readonly coverage?: boolean;
  readonly format: 'text' | 'json';
}

/** `dual-use-rules test <files or folders>`: runs scenario files against a ruleset, as CI does. */
export function registerTest(program: Command): void {
  const command = program
    .command('test')
    .description(
      'Run scenario files (the format of rulesets/*/scenarios/*.json, schemas/scenario.schema.json) against a ' +
        'ruleset: each failing scenario is shown as expected against actual; exit 1 if any fails.',
    )
    .argument('<paths...>', 'scenario files, or folders of them (their *.json files)')
    .option(
      '--ruleset <file>',
      'run against this ruleset document instead of the bundled one each scenario selects (its pinned version, ' +
        'or the one in force on its date)',
    )
    .option(
      '--overlay <file>',
      'a national overlay document to compose into --ruleset, or without --ruleset into the bundled ruleset in ' +
        "force on each scenario's date, with its overlays (repeat for several)",
      repeatable,
      [] as string[],
    )
    .option('--junit <file>', 'also write the results as JUnit XML to this file, for a CI server')
    .option('--coverage', 'report per rule whether the scenarios saw its condition true, false and unknown')
    .addOption(
      new Option('--format <format>', 'text: failures and a summary; json: the results as one object')
        .choices(['text', 'json'])
        .default('text'),
    );
  addTrustOptions(command).addHelpText(
    'after',
    `
Examples:
  $ dual-use-rules test rulesets/eu-2021-821-art5/scenarios
  $ dual-use-rules test --ruleset my-ruleset.json --public-key compliance.pub scenarios/ --junit results.xml
  $ dual-use-rules test my-scenarios.json --coverage --format json

Each scenario runs against the bundled ruleset it selects: its ruleset.version, or the version in force on its
ruleset.asOf or its transaction's date (a file in rulesets/<id>/scenarios/ against that ruleset). A failing
scenario is printed with its expected and actual outcome, the deciding rules with their citations, and every
other expectation that does not hold (- expected, + actual).
Exit codes: 0 every scenario passed; 1 some failed (or could not be assessed); 2 invalid arguments or a file
that is not a scenario file.`,
  );
  command.action(async (paths: string[], flags: TestFlags) => {
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
  });
}
