import { Option, type Command } from 'commander';
import type { RulesetsFlags } from '../actions/rulesets';

/** `dual-use-rules rulesets`: the bundled rulesets with their versions and validity windows. */
export function registerRulesets(program: Command): void {
  program
    .command('rulesets')
    .description(
      'List the bundled rulesets: every version of each base ruleset and each national overlay, with ' +
        'the dates on which it states the law, and which versions a later correction replaced.',
    )
    .addOption(
      new Option('--format <format>', 'text: a table; json: the list as listRulesets() returns it')
        .choices(['text', 'json'])
        .default('text'),
    )
    .option('--as-of <date>', 'mark the versions in force on this date (YYYY-MM-DD) instead of today')
    .addHelpText(
      'after',
      `
Examples:
  $ dual-use-rules rulesets
  $ dual-use-rules rulesets --as-of 2024-06-01
  $ dual-use-rules rulesets --format json

assess picks the base version in force on the transaction's date and composes the overlays in force on it. A
replaced version (a correction of the same legal time was released) is no longer picked by date; assessments made
with it still replay, and assess --ruleset <its file in rulesets/> or loadRuleset(id, { version }) uses it.`,
    )
    .action(async (flags: RulesetsFlags) => (await import('../actions/rulesets')).rulesetsAction(flags));
}
