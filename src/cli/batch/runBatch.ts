import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { compileRuleset } from '../../compileRuleset';
import type { AssessOptions } from '../../types/assessOptions';
import { OUTCOMES, type Outcome } from '../../types/outcome';
import { assessLine, type BatchDetail, type LineError } from './assessLine';
import { encodeLine, type BatchFormat } from './encodeLine';
import { readLines, type InputLine, type LineBatch } from './readLines';

/** A ruleset given as documents (as parsed from JSON), compiled in each thread that assesses. */
export interface BatchRuleset {
  readonly document: unknown;
  readonly overlays: readonly unknown[];
}

/** Where a batch run reads, writes and reports. */
export interface BatchOptions {
  /** JSON Lines input, pulled chunk by chunk. */
  readonly input: AsyncIterable<Buffer | string>;
  /** Receives one line per input line, in input order; each write is whole or throws, and stops the run. */
  readonly output: { write(data: Uint8Array): void };
  /** Worker threads to assess in; 1 (the default) assesses in this thread. */
  readonly workers?: number;
  readonly ruleset?: BatchRuleset;
  readonly asOf?: string;
  /** How much of each assessment to write; `decision` by default. */
  readonly detail?: BatchDetail;
  /** JSON Lines (the default) or CSV rows; the CSV header row is the caller's to write first. */
  readonly format?: BatchFormat;
  /** Called after each batch of lines is written. */
  readonly onProgress?: (progress: BatchProgress) => void;
  /** Called for each line that could not be assessed, in input order. */
  readonly onLineError?: (error: LineError) => void;
  /**
   * Stops the run when aborted: no further input is read, the lines being assessed are finished and written (whole),
   * and the summary says where it stopped. Abort the input stream too if a read may be waiting on it.
   */
  readonly signal?: AbortSignal;
}

export interface BatchProgress {
  readonly lines: number;
  readonly bytesRead: number;
}

/** What a batch run did. */
export interface BatchSummary {
  readonly lines: number;
  readonly outcomes: Readonly<Record<Outcome, number>>;
  /** Lines that could not be assessed (each has an error line in the output). */
  readonly failed: number;
  /** Blank or whitespace-only lines, skipped (no output line, not an error). */
  readonly blank: number;
  readonly elapsedMs: number;
  /** The run was stopped (`signal`) before the end of its input; `lines` is the last line whose output was written. */
  readonly interrupted: boolean;
}

/** The output of one batch of lines, as a thread returns it. */
export interface BatchResult {
  /** The output lines, UTF-8 encoded. */
  readonly bytes: Uint8Array;
  readonly outcomes: Readonly<Partial<Record<Outcome, number>>>;
  readonly errors: readonly LineError[];
}

/** What the main thread sends a worker. */
export interface WorkerRequest {
  readonly id: number;
  readonly lines: readonly InputLine[];
}

/** What a worker sends back: a batch's result, or why it could not assess it. */
export type WorkerResponse =
  { readonly id: number; readonly result: BatchResult } | { readonly id: number; readonly failure: string };

/** Settings every worker starts with. */
export interface WorkerSettings {
  readonly ruleset?: BatchRuleset;
  readonly asOf?: string;
  readonly detail?: BatchDetail;
  readonly format?: BatchFormat;
}

/**
 * Assesses JSON Lines input line by line with the compiled evaluator and writes one output line per input line, in
 * order. Memory stays bounded whatever the input's size: input is pulled a chunk at a time, output is written as it
 * is ready (each write completes before the next batch is read), and with workers at most two batches per worker are
 * in flight.
 */
export async function runBatch(options: BatchOptions): Promise<BatchSummary> {
  const started = performance.now();
  const workers = options.workers ?? 1;
  const outcomes = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])) as Record<Outcome, number>;
  let lines = 0;
  let failed = 0;
  let blank = 0;
  const write = (result: BatchResult, batch: LineBatch) => {
    if (result.bytes.length > 0) options.output.write(result.bytes);
    for (const [outcome, count] of Object.entries(result.outcomes)) outcomes[outcome as Outcome] += count;
    for (const error of result.errors) options.onLineError?.(error);
    failed += result.errors.length;
    blank += batch.blank;
    lines = batch.lastLine;
    options.onProgress?.({ lines, bytesRead: batch.bytesRead });
  };

  if (workers <= 1) await assessHere(options, write);
  else await assessInWorkers(options, workers, write);
  return { lines, outcomes, failed, blank, elapsedMs: performance.now() - started, interrupted: stopped(options) };
}

/** Writes a batch's output and counts it; `batch` is the batch of input lines it came from. */
type Write = (result: BatchResult, batch: LineBatch) => void;

/** What a batch of blank lines gives: nothing. */
const NOTHING: BatchResult = { bytes: new Uint8Array(0), outcomes: {}, errors: [] };

async function assessHere(options: BatchOptions, write: Write): Promise<void> {
  const assess = assessBatch(settingsOptions(options), options);
  await untilStopped(options, async (batches) => {
    for await (const batch of batches) {
      write(batch.lines.length === 0 ? NOTHING : assess(batch.lines), batch);
      if (stopped(options)) return;
    }
  });
}

/**
 * Runs `consume` over the input's batches of lines. Once `signal` is aborted, a failed read is the end of the input
 * (the caller destroyed the stream to stop a read that was waiting).
 */
async function untilStopped(
  options: BatchOptions,
  consume: (batches: AsyncIterable<LineBatch>) => Promise<void>,
): Promise<void> {
  if (stopped(options)) return;
  try {
    await consume(readLines(options.input));
  } catch (error) {
    if (!stopped(options)) throw error;
  }
}

async function assessInWorkers(options: BatchOptions, workers: number, write: Write): Promise<void> {
  const pool = startWorkers(workers, {
    ...(options.ruleset === undefined ? {} : { ruleset: options.ruleset }),
    ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
    ...(options.detail === undefined ? {} : { detail: options.detail }),
    ...(options.format === undefined ? {} : { format: options.format }),
  });
  try {
    const inFlight: { readonly result: Promise<BatchResult>; readonly batch: LineBatch }[] = [];
    await untilStopped(options, async (batches) => {
      for await (const batch of batches) {
        const result = batch.lines.length === 0 ? Promise.resolve(NOTHING) : pool.assess(batch.lines);
        // Awaited in order below; a worker's failure must not surface first as an unhandled rejection.
        result.catch(() => {});
        inFlight.push({ result, batch });
        if (inFlight.length >= workers * 2) {
          const oldest = inFlight.shift() as (typeof inFlight)[number];
          write(await oldest.result, oldest.batch);
        }
        if (stopped(options)) return;
      }
    });
    // Interrupted or not, the batches being assessed are finished and written, in order.
    for (const pending of inFlight) write(await pending.result, pending.batch);
  } finally {
    await pool.stop();
  }
}

/** Whether the run was asked to stop. */
function stopped(options: BatchOptions): boolean {
  return options.signal?.aborted === true;
}

/** The assessment options for a run: its ruleset compiled in this thread, and its date. */
export function settingsOptions(settings: WorkerSettings): AssessOptions {
  const ruleset =
    settings.ruleset === undefined
      ? undefined
      : compileRuleset(settings.ruleset.document, { overlays: settings.ruleset.overlays });
  return {
    ...(ruleset === undefined ? {} : { ruleset }),
    ...(settings.asOf === undefined ? {} : { asOf: settings.asOf }),
  };
}

/**
 * Assesses a batch of lines into one block of UTF-8 output, in memory of its own (so a worker can transfer it).
 * Each line is encoded on its own: encoding one large string of many assessments is several times slower.
 */
export function assessBatch(
  options: AssessOptions,
  { detail = 'decision', format = 'jsonl' }: Pick<WorkerSettings, 'detail' | 'format'>,
): (lines: readonly InputLine[]) => BatchResult {
  return (lines) => {
    const outcomes: Partial<Record<Outcome, number>> = {};
    const errors: LineError[] = [];
    const encoded: Buffer[] = [];
    let size = 0;
    for (const input of lines) {
      const result = assessLine(input, options, detail);
      const bytes = encodeLine(result, input.line, format);
      encoded.push(bytes);
      size += bytes.length;
      if (result.outcome !== undefined) outcomes[result.outcome] = (outcomes[result.outcome] ?? 0) + 1;
      if (result.error !== undefined) errors.push(result.error);
    }
    const bytes = new Uint8Array(size);
    let offset = 0;
    for (const part of encoded) {
      bytes.set(part, offset);
      offset += part.length;
    }
    return { bytes, outcomes, errors };
  };
}

/** Worker threads that each assess the batches sent to them, in the order sent. */
function startWorkers(count: number, settings: WorkerSettings) {
  const { script, evaluate } = workerModule();
  const pending = new Map<number, { resolve: (result: BatchResult) => void; reject: (error: Error) => void }>();
  let failure: Error | undefined;
  const fail = (error: Error) => {
    failure ??= error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  const threads = Array.from({ length: count }, () => {
    const worker = new Worker(script, { workerData: settings, eval: evaluate });
    worker.on('message', (response: WorkerResponse) => {
      const waiting = pending.get(response.id);
      pending.delete(response.id);
      if ('failure' in response) fail(new Error(`A batch worker failed: ${response.failure}`));
      else waiting?.resolve(response.result);
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`A batch worker stopped with exit code ${code}.`));
    });
    return worker;
  });
  let next = 0;
  return {
    assess(lines: readonly InputLine[]): Promise<BatchResult> {
      if (failure !== undefined) return Promise.reject(failure);
      const id = next++;
      const request: WorkerRequest = { id, lines };
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        (threads[id % threads.length] as Worker).postMessage(request);
      });
    },
    async stop(): Promise<void> {
      await Promise.all(
        threads.map(async (worker) => {
          worker.removeAllListeners('exit');
          await worker.terminate();
        }),
      );
    },
  };
}

/**
 * The worker's module: built next to the command-line bundle (`dist/batch-worker.js`), or, when the command runs from
 * its TypeScript sources (development), the source file loaded through tsx.
 */
function workerModule(): { readonly script: URL | string; readonly evaluate: boolean } {
  const bundled = new URL('./batch-worker.js', import.meta.url);
  if (existsSync(bundled)) return { script: bundled, evaluate: false };
  const tsx = import.meta.resolve('tsx/esm/api');
  const source = new URL('./worker.ts', import.meta.url).href;
  return {
    script:
      `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return ` +
      `import(${JSON.stringify(source)}); });`,
    evaluate: true,
  };
}
