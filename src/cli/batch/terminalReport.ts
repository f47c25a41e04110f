import { OUTCOMES } from '../../types/outcome';
import type { Colors } from '../io';
import type { InterruptSignal } from '../output/interruptions';
import { describeIssue, escapeControls } from '../output/safeText';
import { printError } from '../output/sink';
import type { LineError } from './assessLine';
import type { BatchSummary } from './runBatch';

// What a batch run tells the person at the terminal, on standard error: progress, each line's error, and the summary.
// Everything from the input goes through safeText; the rest is the run's own text.

/** Where a run that could not write its output stopped, and what it left. */
export function describeStop(written: number, out: string | undefined): string {
  if (out !== undefined) return `The run stopped; ${out} was left as it was.`;
  return written === 0
    ? 'The run stopped before the output of any line was complete.'
    : `The output is complete up to line ${written.toLocaleString('en')}, where the run stopped.`;
}

/** How an interrupted run is reported: which signal, where it stopped and what the output holds. */
export function describeInterruption(
  summary: BatchSummary,
  signal: InterruptSignal | undefined,
  out: string | undefined,
): string | undefined {
  if (!summary.interrupted) return undefined;
  const last = summary.lines.toLocaleString('en');
  return escapeControls(
    `Interrupted (${signal ?? 'signal'}): stopped after line ${last}; ` +
      `${out === undefined ? 'the output' : out} holds the complete output of lines 1 to ${last}.`,
  );
}

/** A progress line on a terminal: done, rate and time left (from the bytes read, when the input's size is known). */
export function createProgressBar(totalBytes: number | undefined, colors: Colors) {
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

/** A line that could not be assessed, as stderr shows it: its number, then each issue on a line of its own. */
export function describeLineError(error: LineError, colors: Colors): string {
  const details = error.issues.length === 0 ? [`  ${escapeControls(error.message)}`] : error.issues.map(describeIssue);
  return (
    `${colors.red(`Line ${error.line.toLocaleString('en')}${error.transactionId === undefined ? '' : ` (transaction ${escapeControls(JSON.stringify(error.transactionId))})`}:`)} ` +
    `${error.name === 'AssessmentError' ? 'not assessed' : 'not a valid transaction'}\n${details.join('\n')}\n`
  );
}

/** The summary that ends a run: what was assessed, how fast, and the count of each outcome. */
export function formatSummary(summary: BatchSummary, colors: Colors, interruption?: string): string {
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
