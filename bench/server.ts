/**
 * The load test of `dual-use-rules serve` on loopback: autocannon against the built command (`node dist/cli.js serve`,
 * as users run it, request logging on) for POST /assess and POST /assess/batch, beside the library called in this
 * process on the same transactions. Part of `npm run bench`; `npm run bench:server` runs only this section and
 * updates the `server` entry of bench/results.json. Bounded: a fixed number of requests, and a time limit per run.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import fc from 'fast-check';
import { DIST, loadLibrary, type Library, type TestingKit } from './library';
import { refreshResultsSection } from './results';
import { measureRounds, median, significant } from './timing';

const DATE = '2025-06-30';
/** Transactions per batch request. */
const LINES_PER_BATCH = 100;

/** One autocannon run's figures. */
export interface LoadRun {
  readonly requests: number;
  readonly connections: number;
  readonly seconds: number;
  readonly requestsPerSecond: number;
  /** Response time in milliseconds, over every request. */
  readonly latencyMs: { readonly p50: number; readonly p99: number; readonly max: number };
  readonly non2xx: number;
  readonly errors: number;
  readonly timedOut: boolean;
}

/** What the load test measures. */
export interface ServerResults {
  readonly assess: LoadRun & { readonly responseBytes: number };
  readonly batch: LoadRun & { readonly linesPerRequest: number; readonly linesPerSecond: number };
  /** The library in this process, one thread, on the same transactions (median over rounds). */
  readonly inProcess: {
    readonly assessPerSecond: number;
    readonly assessManyPerSecond: number;
    /** `assessMany` of one transaction plus `JSON.stringify` of its assessment: what POST /assess does besides HTTP. */
    readonly assessManyWithJsonPerSecond: number;
  };
  readonly ratios: {
    /** POST /assess requests per second over the same work in process (`assessMany` + `JSON.stringify`) per second. */
    readonly assessOverHttpVsInProcess: number;
    /** Batch lines per second over in-process `assessMany` transactions per second. */
    readonly batchLinesVsAssessMany: number;
  };
  readonly method: string;
  /** The machine's load average (1 min) before and after: the machine is shared, so figures move with it. */
  readonly loadAverage: { readonly start: number; readonly end: number };
}

export async function measureServer(
  lib: Library,
  testing: TestingKit,
  options: { readonly quick: boolean; readonly log: (message: string) => void },
): Promise<ServerResults> {
  const loadAtStart = significant(os.loadavg()[0] ?? 0, 2);
  const assessRequests = options.quick ? 2_000 : 20_000;
  const batchRequests = options.quick ? 100 : 1_000;
  const limitSeconds = options.quick ? 30 : 120;
  const ruleset = lib.loadRuleset('eu-2021-821-art5', { asOf: DATE });
  const transactions = JSON.parse(
    JSON.stringify(
      fc.sample(
        testing
          .partialTransactionArbitrary(testing.vocabularyOf(ruleset), { date: DATE })
          .map(({ partial }) => partial),
        { numRuns: 2_000, seed: 46 },
      ),
    ),
  ) as unknown[];
  const bodies = transactions.map((transaction) => JSON.stringify(transaction));
  const batches = Array.from({ length: 20 }, (_, index) =>
    bodies.slice(index * LINES_PER_BATCH, (index + 1) * LINES_PER_BATCH).join('\n'),
  );

  options.log('Server: the library in process…');
  const rounds = await measureRounds(
    [
      {
        name: 'assess',
        count: transactions.length,
        run: () => assessAll(lib, transactions, ruleset),
        warmUp: () => assessAll(lib, transactions.slice(0, 200), ruleset),
      },
      {
        name: 'assessMany',
        count: transactions.length,
        run: () => transactions.map((transaction) => lib.assessMany([transaction], { ruleset })),
        warmUp: () => transactions.map((transaction) => lib.assessMany([transaction], { ruleset })),
      },
      {
        name: 'assessManyWithJson',
        count: transactions.length,
        run: () => transactions.map((transaction) => JSON.stringify(lib.assessMany([transaction], { ruleset })[0])),
        warmUp: () => transactions.map((transaction) => JSON.stringify(lib.assessMany([transaction], { ruleset })[0])),
      },
    ],
    options.quick ? 1 : 3,
  );
  const perSecond = (name: string) => Math.round(1e6 / median(rounds[name] ?? []));

  options.log('Server: starting dual-use-rules serve…');
  const server = await startServer();
  try {
    const url = server.url;
    options.log(`Server: POST /assess, ${assessRequests.toLocaleString('en')} requests…`);
    await load(url, '/assess', 'application/json', bodies, { amount: 500, connections: 16, limitSeconds });
    const assess = await load(url, '/assess', 'application/json', bodies, {
      amount: assessRequests,
      connections: 16,
      limitSeconds,
    });
    options.log(
      `Server: POST /assess/batch, ${batchRequests.toLocaleString('en')} requests of ${LINES_PER_BATCH} lines…`,
    );
    await load(url, '/assess/batch', 'application/x-ndjson', batches, { amount: 40, connections: 4, limitSeconds });
    const batch = await load(url, '/assess/batch', 'application/x-ndjson', batches, {
      amount: batchRequests,
      connections: 4,
      limitSeconds,
    });
    const inProcess = {
      assessPerSecond: perSecond('assess'),
      assessManyPerSecond: perSecond('assessMany'),
      assessManyWithJsonPerSecond: perSecond('assessManyWithJson'),
    };
    return {
      assess: { ...assess.run, responseBytes: Math.round(assess.bytes / Math.max(assess.run.requests, 1)) },
      batch: {
        ...batch.run,
        linesPerRequest: LINES_PER_BATCH,
        linesPerSecond: Math.round(batch.run.requestsPerSecond * LINES_PER_BATCH),
      },
      inProcess,
      ratios: {
        assessOverHttpVsInProcess: significant(assess.run.requestsPerSecond / inProcess.assessManyWithJsonPerSecond),
        batchLinesVsAssessMany: significant(
          (batch.run.requestsPerSecond * LINES_PER_BATCH) / inProcess.assessManyPerSecond,
        ),
      },
      method:
        `autocannon ${autocannonVersion()} in the benchmark process against node dist/cli.js serve (one process, ` +
        `request log to a pipe) on 127.0.0.1, both on this machine (${os.availableParallelism()} CPUs); ` +
        `${bodies.length.toLocaleString('en')} generated transactions dated ${DATE}, sent in turn; a warm-up run ` +
        `first; POST /assess with 16 keep-alive connections, POST /assess/batch with 4, ${LINES_PER_BATCH} lines each; ` +
        `each run bounded by its number of requests and ${limitSeconds} s. In process: median over rounds, one thread.`,
      loadAverage: { start: loadAtStart, end: significant(os.loadavg()[0] ?? 0, 2) },
    };
  } finally {
    await server.stop();
  }
}

async function assessAll(
  lib: Library,
  sample: readonly unknown[],
  ruleset: ReturnType<Library['loadRuleset']>,
): Promise<void> {
  for (const transaction of sample) await lib.assess(transaction, { ruleset });
}

/** Starts the built command on a free loopback port, its request log drained. */
async function startServer(): Promise<{ readonly url: string; readonly stop: () => Promise<void> }> {
  const cli = fileURLToPath(new URL('cli.js', DIST));
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` (npm run bench does it).');
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--batch-limit', String(256 * 2 ** 20)], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      if (log.length < 100_000) log += text;
      const found = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(log)?.[1];
      if (found !== undefined) resolve(found);
    });
    void exited.then((code) => reject(new Error(`serve exited with ${code}: ${log}`)));
  });
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** One autocannon run: `amount` requests over `connections` connections, each sending the next of `bodies`. */
async function load(
  url: string,
  path: string,
  contentType: string,
  bodies: readonly string[],
  run: { readonly amount: number; readonly connections: number; readonly limitSeconds: number },
): Promise<{ readonly run: LoadRun; readonly bytes: number }> {
  let next = 0;
  let bytes = 0;
  let timedOut = false;
  let limit: NodeJS.Timeout | undefined;
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${url}${path}`,
        method: 'POST',
        connections: run.connections,
        amount: run.amount,
        timeout: 30,
        headers: { 'content-type': contentType },
        requests: [{ setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] as string }) }],
      },
      (error, finished) => (error === null || error === undefined ? resolve(finished) : reject(error)),
    );
    instance.on('response', (_client, _status, responseBytes) => (bytes += responseBytes));
    limit = setTimeout(() => {
      timedOut = true;
      instance.stop();
    }, run.limitSeconds * 1000);
  });
  clearTimeout(limit);
  const seconds = (performance.now() - started) / 1000;
  const requests = result.requests.total;
  return {
    run: {
      requests,
      connections: run.connections,
      seconds: significant(seconds),
      requestsPerSecond: Math.round(requests / seconds),
      latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
      non2xx: result.non2xx,
      errors: result.errors,
      timedOut,
    },
    bytes,
  };
}

function autocannonVersion(): string {
  const manifest = new URL('../node_modules/autocannon/package.json', import.meta.url);
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** The figures as Markdown rows, for the report and for docs/performance.md. */
export function describeServerResults(results: ServerResults): string {
  const row = (cells: readonly (string | number)[]) => `| ${cells.join(' | ')} |`;
  const { assess, batch, inProcess } = results;
  return [
    row(['', 'requests/s', 'transactions/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors']),
    row(['---', '---:', '---:', '---:', '---:', '---:', '---:']),
    row([
      'POST /assess (16 connections)',
      assess.requestsPerSecond,
      assess.requestsPerSecond,
      assess.latencyMs.p50,
      assess.latencyMs.p99,
      assess.non2xx,
      assess.errors,
    ]),
    row([
      `POST /assess/batch (4 connections, ${batch.linesPerRequest} lines)`,
      batch.requestsPerSecond,
      batch.linesPerSecond,
      batch.latencyMs.p50,
      batch.latencyMs.p99,
      batch.non2xx,
      batch.errors,
    ]),
    row(['assess in process (1 thread)', '', inProcess.assessPerSecond, '', '', '', '']),
    row(['assessMany, one transaction per call, in process', '', inProcess.assessManyPerSecond, '', '', '', '']),
    row([
      'the same + JSON.stringify (POST /assess without HTTP)',
      '',
      inProcess.assessManyWithJsonPerSecond,
      '',
      '',
      '',
      '',
    ]),
  ].join('\n');
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const quick = process.argv.includes('--quick');
  const log = (message: string) => process.stderr.write(`${message}\n`);
  const { lib, testing } = await loadLibrary();
  const results = await measureServer(lib, testing, { quick, log });
  process.stdout.write(`\n${describeServerResults(results)}\n\n${JSON.stringify(results, null, 2)}\n`);
  refreshResultsSection('server', { quick, ...results });
}
