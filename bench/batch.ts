import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { DIST, type Library, type TestingKit } from './library';
import { significant } from './timing';

/** What the benchmark measures of `dual-use-rules batch`. */
export interface BatchResults {
  readonly lines: number;
  /** `assessMany` in this process on the same transactions, already parsed, in chunks of 1,000 (results dropped). */
  readonly inProcessAssessManyLinesPerSecond: number;
  /** The same, plus `JSON.stringify` of each assessment: the work a batch line needs besides reading and writing. */
  readonly inProcessWithJsonLinesPerSecond: number;
  /**
   * The command line, whole process (start-up included), output to /dev/null, by worker count and `--detail`: the
   * decision line (the default) and the whole assessment (`full`), in the same run.
   */
  readonly cli: readonly {
    readonly workers: number;
    readonly detail: Detail;
    readonly seconds: number;
    readonly linesPerSecond: number;
    readonly peakRssMB: number;
  }[];
  /** Per worker count, `--detail decision` lines/s over `--detail full` lines/s, in the same run. */
  readonly decisionOverFull: readonly { readonly workers: number; readonly ratio: number }[];
  /** Bytes per line of the whole assessment as JSON (`--detail full`). */
  readonly outputBytesPerLine: number;
  /**
   * One-thread runs on a tenth of the lines (at least 10,000, at most half) and on all of them: peak resident memory,
   * and the heap still in use at the end after a full collection (what the run retained).
   */
  readonly memory: {
    readonly smallLines: number;
    readonly smallPeakRssMB: number;
    readonly largePeakRssMB: number;
    readonly smallRetainedMB: number;
    readonly largeRetainedMB: number;
  };
  /** Whether the run on all lines retains no more than the smaller one (within 10 % and 1 MB). */
  readonly memoryFlat: boolean;
}

const DATE = '2025-06-30';

type Detail = 'decision' | 'full';
/**
 * Preloaded into the command's process (run with --expose-gc): when it exits, records its peak resident memory (KB)
 * and the heap still in use after a full collection (bytes), i.e. what the run retained.
 */
const RECORD_MEMORY = `data:text/javascript,import{writeFileSync}from'node:fs';process.on('exit',()=>{globalThis.gc();writeFileSync(process.env.DUR_BENCH_MEMORY,JSON.stringify({peakRssKB:process.resourceUsage().maxRSS,retainedBytes:process.memoryUsage().heapUsed}))})`;

export async function measureBatch(
  lib: Library,
  testing: TestingKit,
  options: { readonly quick: boolean; readonly log: (message: string) => void },
): Promise<BatchResults> {
  const lines = options.quick ? 10_000 : 100_000;
  options.log(`Batch: ${lines.toLocaleString('en')} lines…`);
  const folder = mkdtempSync(join(os.tmpdir(), 'dur-bench-batch-'));
  try {
    const ruleset = lib.loadRuleset('eu-2021-821-art5', { asOf: DATE });
    const transactions = fc.sample(
      testing.partialTransactionArbitrary(testing.vocabularyOf(ruleset), { date: DATE }).map(({ partial }) => partial),
      { numRuns: lines, seed: 45 },
    );
    const large = join(folder, 'large.jsonl');
    const small = join(folder, 'small.jsonl');
    writeFileSync(large, `${transactions.map((transaction) => JSON.stringify(transaction)).join('\n')}\n`);
    const smallLines = Math.min(Math.max(lines / 10, 10_000), lines / 2);
    writeFileSync(
      small,
      `${transactions
        .slice(0, smallLines)
        .map((transaction) => JSON.stringify(transaction))
        .join('\n')}\n`,
    );

    let start = performance.now();
    for (let index = 0; index < transactions.length; index += 1_000)
      lib.assessMany(transactions.slice(index, index + 1_000));
    const inProcessSeconds = (performance.now() - start) / 1000;
    start = performance.now();
    let outputBytes = 0;
    for (let index = 0; index < transactions.length; index += 1_000) {
      for (const assessment of lib.assessMany(transactions.slice(index, index + 1_000)))
        outputBytes += Buffer.byteLength(JSON.stringify(assessment)) + 1;
    }
    const withJsonSeconds = (performance.now() - start) / 1000;

    const cli: BatchResults['cli'][number][] = [];
    let largeRun: Awaited<ReturnType<typeof runCli>> | undefined;
    const workerCounts = [...new Set([1, 2, os.availableParallelism()])];
    for (const workers of workerCounts) {
      for (const detail of ['decision', 'full'] as const) {
        const run = await runCli(large, workers, detail, folder);
        if (workers === 1 && detail === 'decision') largeRun = run;
        cli.push({
          workers,
          detail,
          seconds: significant(run.seconds),
          linesPerSecond: Math.round(lines / run.seconds),
          peakRssMB: significant(run.peakRssKB / 1024),
        });
        options.log(
          `  --workers ${workers} --detail ${detail}: ${Math.round(lines / run.seconds).toLocaleString('en')} lines/s`,
        );
      }
    }
    const speed = (workers: number, detail: Detail) =>
      cli.find((run) => run.workers === workers && run.detail === detail)?.linesPerSecond ?? Number.NaN;
    const decisionOverFull = workerCounts.map((workers) => ({
      workers,
      ratio: significant(speed(workers, 'decision') / speed(workers, 'full')),
    }));
    for (const { workers, ratio } of decisionOverFull) options.log(`  --workers ${workers}: decision/full = ${ratio}`);
    const smallRun = await runCli(small, 1, 'decision', folder);
    if (largeRun === undefined) throw new Error('no one-thread run');
    const retainedMB = (bytes: number) => significant(bytes / 2 ** 20);
    return {
      lines,
      inProcessAssessManyLinesPerSecond: Math.round(lines / inProcessSeconds),
      inProcessWithJsonLinesPerSecond: Math.round(lines / withJsonSeconds),
      cli,
      decisionOverFull,
      outputBytesPerLine: Math.round(outputBytes / lines),
      memory: {
        smallLines,
        smallPeakRssMB: significant(smallRun.peakRssKB / 1024),
        largePeakRssMB: significant(largeRun.peakRssKB / 1024),
        smallRetainedMB: retainedMB(smallRun.retainedBytes),
        largeRetainedMB: retainedMB(largeRun.retainedBytes),
      },
      memoryFlat: largeRun.retainedBytes <= smallRun.retainedBytes * 1.1 + 2 ** 20,
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Runs the built command line on a file at a `--detail`, output discarded, timing the whole process and recording its memory. */
function runCli(
  file: string,
  workers: number,
  detail: Detail,
  folder: string,
): Promise<{ seconds: number; peakRssKB: number; retainedBytes: number }> {
  const record = join(folder, `memory-${workers}-${detail}-${Date.now()}`);
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(
      process.execPath,
      [
        '--expose-gc',
        '--import',
        RECORD_MEMORY,
        new URL('cli.js', DIST).pathname,
        'batch',
        file,
        '--workers',
        String(workers),
        '--detail',
        detail,
        '--out',
        os.devNull,
      ],
      {
        env: { ...process.env, DUR_BENCH_MEMORY: record, NO_COLOR: '1' },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - start) / 1000;
      if (code !== 0) reject(new Error(`batch exited with ${String(code)}: ${stderr.slice(-2000)}`));
      else
        resolve({
          seconds,
          ...(JSON.parse(readFileSync(record, 'utf8')) as { peakRssKB: number; retainedBytes: number }),
        });
    });
  });
}
