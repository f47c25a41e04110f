import { invalidArgument } from '../../errors/UsageError';
import { listRulesets } from '../../loadRuleset';
import { describeWindow, isCalendarDate, isInForce, today } from '../../time/dates';
import type { RulesetSummary } from '../../types/registry';
import { colorsFor, standardOutput } from '../io';
import { escapeControls, jsonText } from '../output/safeText';
import { writeOutput } from '../output/sink';

/** The options of `rulesets` as commander parses them. */
export interface RulesetsFlags {
  readonly format: 'text' | 'json';
  readonly asOf?: string;
}

/** Runs `rulesets`: lists the bundled rulesets as a table or as JSON. */
export function rulesetsAction(flags: RulesetsFlags): void {
  if (flags.asOf !== undefined && !isCalendarDate(flags.asOf))
    throw invalidArgument('--as-of', `--as-of must be a date written YYYY-MM-DD, not "${flags.asOf}".`);
  const rulesets = listRulesets();
  writeOutput(
    flags.format === 'json' ? `${jsonText(rulesets, 2)}\n` : formatTable(rulesets, flags.asOf ?? today()),
    undefined,
  );
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
