import { Option, type Command } from 'commander';
import type { AssessFlags, AssessFormat } from '../actions/assess';
import { RECORD_OPTIONS } from './recordOptions';
import { addTrustOptions, repeatable } from './trustOptions';

/** What `assess` can print. */
const FORMATS: readonly AssessFormat[] = ['text', 'json', 'md', 'html'];

/** `dual-use-rules assess <file|->`: one transaction, as a readable summary, the Assessment as JSON, or a decision report. */
export function registerAssess(program: Command): void {
  const command = program
    .command('assess')
    .description(
      'Assess one transaction (a JSON file, or - for standard input): a summary, the Assessment as ' +
        'JSON, or a decision report.',
    )
    .argument('<file>', 'transaction JSON file, or - to read standard input')
    .addOption(
      new Option(
        '--format <format>',
        'text: readable summary; json: the Assessment; md: decision report in Markdown; html: decision ' +
          'report as one self-contained page',
      )
        .choices(FORMATS)
        .default('text'),
    )
    .addOption(new Option('--json', 'same as --format json').conflicts('format'))
    .option('--out <file>', 'write to this file (its folder is created) instead of standard output')
    .option('--ruleset <file>', 'use this ruleset document instead of the bundled one in force on the date')
    .option(
      '--overlay <file>',
      'a national overlay document to compose into --ruleset, or without --ruleset into the bundled ruleset in ' +
        'force on the date, with its overlays (repeat for several)',
      repeatable,
      [] as string[],
    )
    .option('--as-of <date>', 'assessment date (YYYY-MM-DD) when the transaction has no date')
    .option('--full-trace', 'text format: show every condition of every rule (md and html always do)')
    .addOption(RECORD_OPTIONS[0])
    .addOption(RECORD_OPTIONS[1])
    .addOption(RECORD_OPTIONS[2]);
  addTrustOptions(command)
    .addHelpText(
      'after',
      `
Examples:
  $ dual-use-rules assess examples/notification-tracker-intelligence-agency.json
  $ dual-use-rules assess --format html --out decision.html examples/notification-tracker-intelligence-agency.json
  $ dual-use-rules assess --format md examples/notification-tracker-intelligence-agency.json > ticket.md
  $ dual-use-rules assess --format json order.json > assessment.json
  $ cat order.json | dual-use-rules assess -
  $ dual-use-rules assess --ruleset my-ruleset.json --overlay my-overlay.json order.json
  $ dual-use-rules assess --overlay my-overlay.json order.json
  $ dual-use-rules assess --ruleset my-ruleset.json --public-key compliance.pub order.json
  $ dual-use-rules assess --as-of 2025-01-10 undated-order.json
  $ dual-use-rules assess --record record.json --signing-key records.key --assessed-by "J. Doe" order.json

Colours are used on a terminal only; set NO_COLOR=1 to turn them off.
Exit codes: 0 assessed (whatever the outcome); 2 invalid input or arguments (every issue is listed on stderr); 1 internal error.`,
    )
    .action(async (file: string, flags: AssessFlags) => (await import('../actions/assess')).assessAction(file, flags));
}
