import { assess } from '../../assess';
import { createRulesetRegistry } from '../../createRulesetRegistry';
import { invalidArgument } from '../../errors/UsageError';
import { formatText } from '../../format/formatText';
import { formatReport } from '../../formatReport';
import { isCalendarDate, peekDate, today } from '../../time/dates';
import type { RecordFlags } from '../commands/recordOptions';
import { type TrustFlags } from '../commands/trustOptions';
import { colorsFor, readTransaction, standardOutput } from '../io';
import { escapeControlsInDocument, jsonText, terminalSafe } from '../output/safeText';
import { writeOutput } from '../output/sink';
import { compileFiles, composeOntoBundled, readRulesetFiles } from './rulesetFiles';
import { writeRecord } from './writeRecord';

/** What `assess` can print. */
export type AssessFormat = 'text' | 'json' | 'md' | 'html';

/** The options of `assess` as commander parses them. */
export interface AssessFlags extends TrustFlags, RecordFlags {
  readonly format?: AssessFormat;
  readonly json?: boolean;
  readonly ruleset?: string;
  readonly overlay?: string[];
  readonly asOf?: string;
  readonly fullTrace?: boolean;
  readonly out?: string;
}

/** Runs `assess`: assesses one transaction and writes the summary, the Assessment as JSON, or a decision report. */
export async function assessAction(file: string, flags: AssessFlags): Promise<void> {
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
}
