import { Option, type Command } from 'commander';
import type { TestFlags } from '../actions/test';
import { addTrustOptions, repeatable } from './trustOptions';

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
  command.action(async (paths: string[], flags: TestFlags) =>
    (await import('../actions/test')).testAction(paths, flags),
  );
}
