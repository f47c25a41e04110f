import type { Command } from 'commander';
import type { ValidateFlags } from '../actions/validate';
import { addTrustOptions, repeatable } from './trustOptions';

/** `dual-use-rules validate`: schema and semantic checks (errors), then lint (warnings), optionally with scenario coverage. */
export function registerValidate(program: Command): void {
  const command = program
    .command('validate')
    .description(
      'Validate a ruleset document (JSON Schema and semantic checks) and lint it: unreachable rules, ' +
        'outcomes no rule produces, unused facts and catalogue entries, and, with --scenarios, rules no ' +
        'scenario exercises.',
    )
    .argument('<file>', 'ruleset JSON file')
    .option('--overlay <file>', 'an overlay to compose into it (repeat for several)', repeatable)
    .option('--scenarios <folder>', 'folder of scenario files ({ "scenarios": [...] }) to measure rule coverage with')
    .option('--strict', 'treat warnings as errors (exit 2)')
    .option('--json', 'print { ruleset, warnings } as JSON');
  addTrustOptions(command)
    .addHelpText(
      'after',
      '\nExamples:\n  $ dual-use-rules validate my-ruleset.json\n  $ dual-use-rules validate ' +
        'my-ruleset.json --scenarios node_modules/dual-use-rules/rulesets/eu-2021-821-art5/scenarios ' +
        '--strict\n\nExit codes: 0 valid (warnings are printed); 2 invalid, or warnings with --strict.',
    )
    .action(async (file: string, flags: ValidateFlags) =>
      (await import('../actions/validate')).validateAction(file, flags),
    );
}
