import type { Command } from 'commander';
import type { DiffFlags } from '../actions/diff';
import { addTrustOptions, repeatable } from './trustOptions';

/** `dual-use-rules diff`: which generated transactions change outcome between two rulesets, and why. */
export function registerDiff(program: Command): void {
  const command = program
    .command('diff')
    .description(
      'Compare two rulesets by what they decide: generate transactions, assess each with both, and ' +
        'report every outcome change (grouped, with the smallest example and the rules and citations ' +
        'involved) and every rule, fact, catalogue entry and threshold added, removed or changed.',
    )
    .argument('<before>', 'ruleset JSON file in use now')
    .argument('<after>', 'ruleset JSON file to adopt')
    .option('--runs <n>', 'transactions to generate', '2000')
    .option('--seed <n>', 'fast-check seed (the same seed gives the same report)', '1')
    .option('--expect <file>', 'expected-changes file: exit 3 when an outcome change is not listed in it')
    .option('--json', 'print the diff (and the expectation check) as JSON')
    .option('--out <file>', 'write the report to this file')
    .option('--before-overlay <file>', 'an overlay to compose into <before> (repeat for several)', repeatable)
    .option('--after-overlay <file>', 'an overlay to compose into <after> (repeat for several)', repeatable);
  addTrustOptions(command)
    .addHelpText(
      'after',
      `
Expected-changes file:
  { "changes": [ { "before": "no_obligation", "after": "insufficient_information", "reason": "Guidelines, Section 3: due diligence outstanding" } ] }

Examples:
  $ dual-use-rules diff node_modules/dual-use-rules/rulesets/eu-2021-821-art5/2.3.2.json my-ruleset.json
  $ dual-use-rules diff current.json revised.json --runs 10000 --expect expected-changes.json
  $ dual-use-rules diff current.json revised.json --json --out diff.json

Exit codes: 0 compared (and every change expected); 3 an outcome change is not in --expect; 2 invalid input or arguments.`,
    )
    .action(async (before: string, after: string, flags: DiffFlags) =>
      (await import('../actions/diff')).diffAction(before, after, flags),
    );
}
