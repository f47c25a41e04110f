import { abortUnfinished } from './unfinished';

/** The signals a run can be interrupted by, with the exit status it then ends with (128 + the signal's number). */
const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
export type InterruptSignal = keyof typeof EXIT_CODES;
const SIGNALS = Object.keys(EXIT_CODES) as InterruptSignal[];

/** Ends the process for a signal: unfinished output files are removed, and the exit status says which signal. */
function exitFor(signal: InterruptSignal): never {
  abortUnfinished();
  process.exit(EXIT_CODES[signal]);
}

let exiting = false;

/**
 * What a command does on Ctrl-C (SIGINT) or SIGTERM once it has an output file under way, unless it catches them
 * itself: stop at once, remove the temporary file of any `--out` not yet complete (its name keeps what it held
 * before), and exit 130 or 143. Installed by the first file output, not before: until then Node's default applies,
 * which also ends a command blocked reading a terminal or a pipe (a JavaScript handler would wait for the read).
 */
export function exitOnInterruption(): void {
  if (exiting) return;
  exiting = true;
  for (const signal of SIGNALS) process.on(signal, () => exitFor(signal));
}

/** An interruption a long run asked to be told of, instead of being stopped. */
export interface Interruption {
  /** Aborted at the first SIGINT or SIGTERM. */
  readonly signal: AbortSignal;
  /** The signal received, if any. */
  readonly received: () => InterruptSignal | undefined;
  /** The exit status for the signal received (130 or 143), if any. */
  readonly exitCode: () => number | undefined;
  /** Gives the signals back to `exitOnInterruption`. */
  readonly dispose: () => void;
}

/**
 * Lets a long run finish what it has in hand when interrupted: the first SIGINT or SIGTERM aborts `signal` (the run
 * stops reading, completes the work under way and reports it); a second one stops at once, as `exitOnInterruption`.
 */
export function catchInterruptions(): Interruption {
  const controller = new AbortController();
  let received: InterruptSignal | undefined;
  const handlers = SIGNALS.map((signal) => {
    const handler = () => {
      if (received !== undefined) exitFor(signal);
      received = signal;
      controller.abort();
    };
    return [signal, handler] as const;
  });
  const saved = SIGNALS.map((signal) => [signal, process.listeners(signal)] as const);
  for (const [signal] of saved) process.removeAllListeners(signal);
  for (const [signal, handler] of handlers) process.on(signal, handler);
  return {
    signal: controller.signal,
    received: () => received,
    exitCode: () => (received === undefined ? undefined : EXIT_CODES[received]),
    dispose: () => {
      for (const [signal, handler] of handlers) process.off(signal, handler);
      for (const [signal, listeners] of saved) for (const listener of listeners) process.on(signal, listener);
    },
  };
}
