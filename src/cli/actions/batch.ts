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
import { type TrustFlags } from '../commands/trustOptions';
import { colorsFor, standardError } from '../io';
import { catchInterruptions } from '../output/interruptions';
import { openSink, printError } from '../output/sink';
import { compileRead, readRulesetFiles } from './rulesetFiles';

/** The options of `batch` as commander parses them. */
export interface BatchFlags extends TrustFlags {
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

/** Runs `batch`: assesses every line of a JSON Lines file with the compiled evaluator and writes one output line per input line. */
export async function batchAction(file: string, flags: BatchFlags): Promise<void> {
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
    throw invalidArgument('--overlay', '--overlay needs --ruleset (the bundled rulesets come with their overlays).');
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
}
