import { Option, type Command } from 'commander';
import { invalidArgument } from '../../errors/UsageError';
import { listRulesets } from '../../loadRuleset';
import { describeWindow, isCalendarDate, isInForce, today } from '../../time/dates';
import type { RulesetSummary } from '../../types/registry';
import { colorsFor, standardOutput } from '../io';
import { escapeControls, jsonText } from '../output/safeText';
import { writeOutput } from '../output/sink';

interface RulesetsFlags {
  readonly format: 'text' | 'json';
  readonly asOf?: string;
}

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
    .action((flags: RulesetsFlags) => {
      if (flags.asOf !== undefined && !isCalendarDate(flags.asOf))
        throw invalidArgument('--as-of', `--as-of must be a date written YYYY-MM-DD, not "${flags.asOf}".`);
      const rulesets = listRulesets();
      writeOutput(
        flags.format === 'json' ? `${jsonText(rulesets, 2)}\n` : formatTable(rulesets, flags.asOf ?? today()),
        undefined,
      );
    });
}

function formatTable(rulesets: readonly RulesetSummary[], date: string): string {
  const colors = colorsFor(standardOutput);
  const header = ['', 'ID', 'VERSION', 'KIND', 'STATES THE LAW', 'STATUS', 'TITLE'];
  const rows = rulesets.map((ruleset) =>
    [
      ruleset.selectable && isInForce(ruleset.validity, date) ? '*' : '',
      ruleset.id,
      ruleset.version,
      ruleset.kind === 'overlay'
        ? `overlay of ${ruleset.extends ?? '?'}${ruleset.memberStates === undefined ? '' : ` (${ruleset.memberStates.join(', ')})`}`
        : 'base',
      describeWindow(ruleset.validity),
      ruleset.replacedBy === undefined ? 'current' : `replaced by ${ruleset.replacedBy}`,
      ruleset.title,
    ].map(escapeControls),
  );
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => (row[column] ?? '').length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  return (
    `${[colors.bold(line(header)), ...rows.map(line)].join('\n')}\n\n` +
    `* in force on ${date}: what a date selects (replaced versions are left out)\n`
  );
}
