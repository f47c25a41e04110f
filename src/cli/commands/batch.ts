import { createReadStream, statSync } from 'node:fs';
import type { Command } from 'commander';
import { isCalendarDate } from '../../time/dates';
import { OUTCOMES } from '../../types/outcome';
import type { LineError } from '../batch/assessLine';
import { runBatch, type BatchSummary } from '../batch/runBatch';
import { colorsFor, standardError, UsageError, type Colors } from '../io';
import { catchInterruptions, type Interruption } from '../output/interruptions';
import { describeIssue, escapeControls } from '../output/safeText';
import { openSink, printError } from '../output/sink';
import { addTrustOptions, asUsageError, compileRead, readRulesetFiles, type TrustFlags } from './rulesetFiles';

interface BatchFlags extends TrustFlags {
  readonly out?: string;
  readonly workers: string;
  readonly ruleset?: string;
  readonly overlay: string[];
  readonly asOf?: string;
}

/** Most worker threads `--workers` accepts. */
const MOST_WORKERS = 64;

/** `dual-use-rules batch <in.jsonl>`: many transactions, one per line, assessed with the compiled evaluator. */
export function registerBatch(program: Command): void {
  const command = program
    .command('batch')
    .description(
      'Assess transactions in JSON Lines (one JSON transaction per line): one output line per input ' +
        "line, the Assessment or the line's error, in input order.",
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
      (file: string, files: string[]) => [...files, file],
      [] as string[],
    )
    .option('--as-of <date>', 'assessment date (YYYY-MM-DD) for transactions without a date');
  addTrustOptions(command)
    .addHelpText(
      'after',
      `
Examples:
  $ dual-use-rules batch open-orders.jsonl --out assessments.jsonl
  $ dual-use-rules batch open-orders.jsonl --workers 4 --out assessments.jsonl
  $ dual-use-rules batch --ruleset my-ruleset.json --as-of 2025-06-30 orders.jsonl > assessments.jsonl
  $ dual-use-rules batch --ruleset my-ruleset.json --public-key compliance.pub orders.jsonl --out assessed.jsonl
  $ cat orders.jsonl | dual-use-rules batch - | grep notification_required

Each output line is the Assessment as JSON, or {"line": n, "error": {name, message, issues}} for a line
that is not JSON or not a valid transaction; such lines are also reported on stderr and the run goes on.
Memory stays flat whatever the input's size. A progress bar is shown when stderr is a terminal; a summary
of outcomes ends the run. Colours are used on a terminal only; set NO_COLOR=1 to turn them off.
Exit codes: 0 every line assessed; 2 some lines could not be assessed, or invalid arguments; 1 internal error.`,
    )
    .action(async (file: string, flags: BatchFlags) => {
      const workers = Number(flags.workers);
      if (!Number.isInteger(workers) || workers < 1 || workers > MOST_WORKERS)
        throw new UsageError(`--workers must be a whole number from 1 to ${MOST_WORKERS}, not "${flags.workers}".`);
      if (flags.asOf !== undefined && !isCalendarDate(flags.asOf))
        throw new UsageError(`--as-of must be a date written YYYY-MM-DD, not "${flags.asOf}".`);
      if (flags.ruleset === undefined && flags.overlay.length > 0)
        throw new UsageError('--overlay needs --ruleset (the bundled rulesets come with their overlays).');
      // Each file read once and, with keys, verified here; the workers compile the same parsed documents.
      const files =
        flags.ruleset === undefined
          ? undefined
          : asUsageError(() => readRulesetFiles([flags.ruleset as string, ...flags.overlay], flags));
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
        if (error instanceof UsageError) throw new UsageError(`${error.message} ${describeStop(written, flags.out)}`);
        throw error;
      } finally {
        progress?.clear();
        interruption.dispose();
      }
      printError(formatSummary(summary, colors, interrupted(summary, interruption, flags.out)));
      const code = interruption.exitCode() ?? (summary.failed > 0 ? 2 : 0);
      if (code !== 0) process.exitCode = code;
    });
}

/** Where a run that could not write its output stopped, and what it left. */
function describeStop(written: number, out: string | undefined): string {
  if (out !== undefined) return `The run stopped; ${out} was left as it was.`;
  return written === 0
    ? 'The run stopped before the output of any line was complete.'
    : `The output is complete up to line ${written.toLocaleString('en')}, where the run stopped.`;
}

/** How an interrupted run is reported: which signal, where it stopped and what the output holds. */
function interrupted(summary: BatchSummary, interruption: Interruption, out: string | undefined): string | undefined {
  if (!summary.interrupted) return undefined;
  const last = summary.lines.toLocaleString('en');
  return (
    `Interrupted (${interruption.received() ?? 'signal'}): stopped after line ${last}; ` +
    `${out === undefined ? 'the output' : out} holds the complete output of lines 1 to ${last}.`
  );
}

function openInput(file: string): {
  readonly stream: AsyncIterable<Buffer> & { destroy(): void };
  readonly size?: number;
} {
  if (file === '-') return { stream: process.stdin };
  let size: number;
  try {
    const stats = statSync(file);
    if (stats.isDirectory()) throw new UsageError(`Cannot read ${file}: it is a folder.`);
    size = stats.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(
      `Cannot read ${file}: ` +
        `${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (error as Error).message}.`,
    );
  }
  return { stream: createReadStream(file, { highWaterMark: 256 * 1024 }), size };
}

/** A progress line on a terminal: done, rate and time left (from the bytes read, when the input's size is known). */
function createProgressBar(totalBytes: number | undefined, colors: Colors) {
  const started = performance.now();
  let shown = 0;
  let visible = false;
  return {
    update: ({ lines, bytesRead }: { lines: number; bytesRead: number }) => {
      const now = performance.now();
      if (now - shown < 100) return;
      shown = now;
      const seconds = (now - started) / 1000;
      const rate = lines / Math.max(seconds, 1e-3);
      let text = `${lines.toLocaleString('en')} lines · ${Math.round(rate).toLocaleString('en')} lines/s`;
      if (totalBytes !== undefined && totalBytes > 0) {
        const done = Math.min(1, bytesRead / totalBytes);
        const width = 24;
        const filled = Math.round(done * width);
        const eta = done > 0 ? (seconds * (1 - done)) / done : Number.NaN;
        text =
          `${colors.cyan('█'.repeat(filled))}${colors.dim('░'.repeat(width - filled))} ` +
          `${String(Math.round(done * 100)).padStart(3)}% · ${text} · ETA ${formatDuration(eta)}`;
      }
      printError(`\r\x1b[K${text}`);
      visible = true;
    },
    clear: () => {
      if (visible) printError('\r\x1b[K');
      visible = false;
    },
  };
}

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '…';
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  return `${Math.floor(seconds / 60)}m${String(Math.ceil(seconds % 60)).padStart(2, '0')}s`;
}

function describeLineError(error: LineError, colors: Colors): string {
  const details = error.issues.length === 0 ? [`  ${escapeControls(error.message)}`] : error.issues.map(describeIssue);
  return (
    `${colors.red(`Line ${error.line.toLocaleString('en')}:`)} ` +
    `${error.name === 'AssessmentError' ? 'not assessed' : 'not a valid transaction'}\n${details.join('\n')}\n`
  );
}

function formatSummary(summary: BatchSummary, colors: Colors, interruption?: string): string {
  const total = summary.lines - summary.blank;
  const assessed = total - summary.failed;
  const seconds = summary.elapsedMs / 1000;
  const rows: [string, number][] = OUTCOMES.map((outcome) => [outcome, summary.outcomes[outcome]]);
  rows.push(['not assessed (invalid lines)', summary.failed]);
  const width = Math.max(...rows.map(([label]) => label.length));
  const countWidth = Math.max(5, ...rows.map(([, count]) => count.toLocaleString('en').length));
  const table = rows.map(([label, count], index) => {
    const cells = `  ${label.padEnd(width)}  ${count.toLocaleString('en').padStart(countWidth)}`;
    return index === rows.length - 1 && count > 0 ? colors.red(cells) : cells;
  });
  const headline =
    `${summary.failed === 0 ? colors.green('Assessed') : colors.yellow('Assessed')} ` +
    `${assessed.toLocaleString('en')} of ${total.toLocaleString('en')} lines in ` +
    `${seconds.toFixed(1)} s ` +
    `(${Math.round(total / Math.max(seconds, 1e-3)).toLocaleString('en')} lines/s)` +
    (summary.blank === 0
      ? ''
      : `; ${summary.blank.toLocaleString('en')} blank ${summary.blank === 1 ? 'line' : 'lines'} skipped`);
  const header = colors.bold(`  ${'OUTCOME'.padEnd(width)}  ${'COUNT'.padStart(countWidth)}`);
  return `${interruption === undefined ? '' : `${colors.yellow(interruption)}\n`}${headline}\n${header}\n${table.join('\n')}\n`;
}
