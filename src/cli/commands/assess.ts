import { Option, type Command } from 'commander';
import { assess } from '../../assess';
import { createRulesetRegistry } from '../../createRulesetRegistry';
import { invalidArgument } from '../../errors/UsageError';
import { formatText } from '../../format/formatText';
import { formatReport } from '../../formatReport';
import { isCalendarDate, peekDate, today } from '../../time/dates';
import { colorsFor, readTransaction, standardOutput } from '../io';
import { escapeControlsInDocument, jsonText, terminalSafe } from '../output/safeText';
import { writeOutput } from '../output/sink';
import { RECORD_OPTIONS, writeRecord, type RecordFlags } from './recordOption';
import {
  addTrustOptions,
  compileFiles,
  composeOntoBundled,
  readRulesetFiles,
  repeatable,
  type TrustFlags,
} from './rulesetFiles';

/** What `assess` can print. */
const FORMATS = ['text', 'json', 'md', 'html'] as const;
type AssessFormat = (typeof FORMATS)[number];

interface AssessFlags extends TrustFlags, RecordFlags {
  readonly format?: AssessFormat;
  readonly json?: boolean;
  readonly ruleset?: string;
  readonly overlay?: string[];
  readonly asOf?: string;
  readonly fullTrace?: boolean;
  readonly out?: string;
}

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
    .action(async (file: string, flags: AssessFlags) => {
      const format: AssessFormat = flags.json === true ? 'json' : (flags.format ?? 'text');
      const transaction = readTransaction(file);
      if (flags.asOf !== undefined && !isCalendarDate(flags.asOf))
        throw invalidArgument('--as-of', `--as-of must be a date written YYYY-MM-DD, not "${flags.asOf}".`);
      const overlays = flags.overlay ?? [];
      // Without --ruleset, overlays are composed onto the bundled ruleset in force on the date: never left out.
      const ruleset =
        flags.ruleset !== undefined
          ? compileFiles(flags.ruleset as string, overlays, flags).ruleset
          : overlays.length > 0
            ? composeOntoBundled(readRulesetFiles(overlays, flags), peekDate(transaction) ?? flags.asOf ?? today())
            : undefined;
      const assessment = await assess(transaction, {
        ...(ruleset === undefined ? {} : { ruleset }),
        ...(flags.asOf === undefined ? {} : { asOf: flags.asOf }),
      });
      // The ruleset used, for the titles and labels of what the transaction states: the one given, else the bundled one.
      const used = ruleset ?? createRulesetRegistry().find(assessment.ruleset);
      const record = await writeRecord(flags, transaction, assessment);
      // Nothing from the transaction or the ruleset reaches the terminal raw: the text summary is rendered from escaped
      // copies (of the assessment, and of the transaction and ruleset it quotes statements and labels from), JSON
      // escapes what JSON.stringify leaves raw, and the reports have any control character left in them escaped.
      const output =
        format === 'json'
          ? `${jsonText(assessment, 2)}\n`
          : format === 'text'
            ? formatText(terminalSafe(assessment), {
                fullTrace: flags.fullTrace === true,
                transaction: terminalSafe(transaction),
                ruleset: terminalSafe(used.document),
                overlayScopes: terminalSafe(used.overlayScopes),
                ...(flags.out === undefined ? { colors: colorsFor(standardOutput) } : {}),
              })
            : escapeControlsInDocument(
                formatReport(assessment, transaction, {
                  format,
                  generatedAt: new Date().toISOString(),
                  ruleset: used,
                  ...(record === undefined ? {} : { record }),
                }),
              );
      writeOutput(output, flags.out);
    });
}
