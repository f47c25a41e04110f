import type { Command } from 'commander';
import { invalidArgument, restated, UsageError } from '../../errors/UsageError';
import { isCalendarDate } from '../../time/dates';
import { CSV_HEADER } from '../batch/csv';
import { openInput } from '../batch/input';
import { runBatch, type BatchSummary } from '../batch/runBatch';
import {
  createProgressBar,
  describeInterruption,
  describeLineError,
  describeStop,
  formatSummary,
} from '../batch/terminalReport';
import { colorsFor, standardError } from '../io';
import { catchInterruptions } from '../output/interruptions';
import { openSink, printError } from '../output/sink';
import { addTrustOptions, compileRead, readRulesetFiles, repeatable, type TrustFlags } from './rulesetFiles';

interface BatchFlags extends TrustFlags {
  readonly out?: string;
  readonly workers: string;
  readonly ruleset?: string;
  readonly overlay: string[];
  readonly asOf?: string;
  readonly detail: string;
  readonly format: string;
}

/** Most worker threads `--workers` accepts. */
const MOST_WORKERS = 64;

/** `dual-use-rules batch <in.jsonl>`: many transactions, one per line, assessed with the compiled evaluator. */
export function registerBatch(program: Command): void {
  const command = program
    .command('batch')
    .description(
      'Assess transactions in JSON Lines (one JSON transaction per line): one output line per input ' +
        "line (blank lines are skipped), the Assessment or the line's error, in input order.",
    )
    .argument('<file>', 'JSON Lines file of transactions, or - to read standard input')
    .option('--out <file>', 'write the output lines to this file (its folder is created) instead of standard output')
    .option('--workers <n>', 'worker threads to assess in, for machines with more cores', '1')
    .option(
      '--ruleset <file>',
      "use this ruleset document instead of the bundled one in force on each transaction's date",
    )
    .option(
      '--overlay <file>',
      'a national overlay document to compose into --ruleset (repeat for several)',
      repeatable,
      [] as string[],
    )
    .option('--as-of <date>', 'assessment date (YYYY-MM-DD) for transactions without a date')
    .option(
      '--detail <level>',
      'decision: per line the outcome, questions, duties, deciding citations, authority and ruleset (no trace); ' +
        'full: the whole Assessment with its trace',
      'decision',
    )
    .option('--format <format>', 'jsonl: one JSON record a line; csv: a header row, then one row a line', 'jsonl');
  addTrustOptions(command)
    .addHelpText(
      'after',
      `
Examples:
  $ dual-use-rules batch open-orders.jsonl --out assessments.jsonl
  $ dual-use-rules batch open-orders.jsonl --workers 4 --out assessments.jsonl
  $ dual-use-rules batch --ruleset my-ruleset.json --as-of 2025-06-30 orders.jsonl > assessments.jsonl
  $ dual-use-rules batch --ruleset my-ruleset.json --public-key compliance.pub orders.jsonl --out assessed.jsonl
  $ dual-use-rules batch open-orders.jsonl --format csv --out decisions.csv
  $ dual-use-rules batch open-orders.jsonl --detail full --out assessments.jsonl
  $ cat orders.jsonl | dual-use-rules batch - | grep notification_required

Each output line is the decision (schemas/decision-line.schema.json; --detail full: the whole Assessment) as
JSON, or {"line": n, "transactionId"?: id, "error": {name, message, issues}} for a line that is not JSON, not
UTF-8, far larger than any transaction, or not a valid transaction; such lines are also reported on stderr and
the run goes on. --format csv writes RFC 4180 CSV: a header row, then one row per line (an error row has only
line, transactionId and error); lists in a cell are joined with " | ", an item's own | written \\| and \\ written
\\\\; a cell that would start a spreadsheet formula (=, +, -, @, tab, CR) or starts with ' is prefixed with ';
control characters are shown as escapes (\\n). Blank lines are skipped and counted. Memory stays flat whatever the
input's size. --out is written under a temporary name and takes its own when complete. A progress bar is
shown when stderr is a terminal; a summary of outcomes ends the run. Ctrl-C or SIGTERM: the lines in hand are
finished and written, and the summary says where the run stopped. Colours are used on a terminal only; set
NO_COLOR=1 to turn them off.
Exit codes: 0 every line assessed (or the reader of the output stopped early); 2 some lines could not be
assessed, the output could not be written, or invalid arguments; 130/143 interrupted; 1 internal error.`,
    )
    .action(async (file: string, flags: BatchFlags) => {
      const workers = Number(flags.workers);
      if (!Number.isInteger(workers) || workers < 1 || workers > MOST_WORKERS)
        throw invalidArgument(
          '--workers',
          `--workers must be a whole number from 1 to ${MOST_WORKERS}, not "${flags.workers}".`,
        );
      if (flags.asOf !== undefined && !isCalendarDate(flags.asOf))
        throw invalidArgument('--as-of', `--as-of must be a date written YYYY-MM-DD, not "${flags.asOf}".`);
      if (flags.detail !== 'decision' && flags.detail !== 'full')
        throw invalidArgument('--detail', `--detail must be decision or full, not "${flags.detail}".`);
      if (flags.format !== 'jsonl' && flags.format !== 'csv')
        throw invalidArgument('--format', `--format must be jsonl or csv, not "${flags.format}".`);
      if (flags.format === 'csv' && flags.detail === 'full')
        throw invalidArgument(
          '--format',
          '--format csv writes the decision only: the trace of --detail full is a tree that has no columns. ' +
            'Use --detail full with --format jsonl.',
        );
      const { detail, format } = flags;
      if (flags.ruleset === undefined && flags.overlay.length > 0)
        throw invalidArgument(
          '--overlay',
          '--overlay needs --ruleset (the bundled rulesets come with their overlays).',
        );
      // Each file read once and, with keys, verified here; the workers compile the same parsed documents.
      const files =
        flags.ruleset === undefined ? undefined : readRulesetFiles([flags.ruleset as string, ...flags.overlay], flags);
      // Compiled here once so that a bad ruleset stops the run before any line is read (each worker compiles it again).
      if (files !== undefined) compileRead(files);
      const ruleset =
        files === undefined
          ? undefined
          : { document: files[0]?.document, overlays: files.slice(1).map((overlay) => overlay.document) };

      const input = openInput(file);
      // Opened before any line is read, so that an output that cannot be created stops the run first. A file is
      // written under a temporary name and takes its name only once every line is written.
      const output = openSink(flags.out);
      if (format === 'csv') output.write(Buffer.from(CSV_HEADER));
      const colors = colorsFor(standardError);
      const progress = standardError.isTTY ? createProgressBar(input.size, colors) : undefined;
      // Ctrl-C or SIGTERM: stop reading (a read waiting on standard input is cut short), finish and write the lines
      // in hand, and report what was done; a second signal stops at once.
      const interruption = catchInterruptions();
      interruption.signal.addEventListener('abort', () => input.stream.destroy());
      let written = 0;
      let summary: BatchSummary;
      try {
        summary = await runBatch({
          signal: interruption.signal,
          input: input.stream,
          output,
          workers,
          detail,
          format,
          ...(ruleset === undefined ? {} : { ruleset }),
          ...(flags.asOf === undefined ? {} : { asOf: flags.asOf }),
          onProgress: (done) => {
            written = done.lines;
            progress?.update(done);
          },
          onLineError: (error) => {
            progress?.clear();
            printError(describeLineError(error, colors));
          },
        });
        output.commit();
      } catch (error) {
        output.abort();
        if (error instanceof UsageError) throw restated(error, `${error.message} ${describeStop(written, flags.out)}`);
        throw error;
      } finally {
        progress?.clear();
        interruption.dispose();
      }
      printError(formatSummary(summary, colors, describeInterruption(summary, interruption.received(), flags.out)));
      const code = interruption.exitCode() ?? (summary.failed > 0 ? 2 : 0);
      if (code !== 0) process.exitCode = code;
    });
}
