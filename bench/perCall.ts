/**
 * The cost of a call beyond its work: reading the arguments as untrusted. `formatReport` takes an assessment the
 * library made as it is and reads any other in full (a plain-data scan, then the shape); `assessMany` reads its
 * options once per call. Measured on the built package, as ratios within one run. Part of `npm run bench`; alone,
 * after `npm run build`: `node --expose-gc --import tsx bench/perCall.ts [--quick]`.
 */
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import type { CompiledRuleset } from '../src/index';
import { loadLibrary, type Library, type TestingKit } from './library';
import { measureRounds, median, significant } from './timing';

/** What the benchmark measures of the per-call costs. */
export interface PerCallResults {
  /** `formatReport` HTML, milliseconds per report, and the JSON copy's time over the library-made one's. */
  readonly formatReportHtml: {
    readonly reports: number;
    readonly libraryMadeMs: number;
    readonly jsonCopyMs: number;
    readonly copyOverMade: number;
  };
  /** `assessMany` with one transaction per call and with all of them in one call, µs per transaction, and the ratio. */
  readonly assessMany: {
    readonly transactions: number;
    readonly onePerCallMicros: number;
    readonly batchMicros: number;
    readonly onePerCallOverBatch: number;
  };
}

const DATE = '2025-06-30';

export async function measurePerCall(
  lib: Library,
  testing: TestingKit,
  options: { readonly quick: boolean; readonly log: (message: string) => void },
): Promise<PerCallResults> {
  const reports = options.quick ? 40 : 100;
  const count = options.quick ? 500 : 2_000;
  const rounds = options.quick ? 3 : 7;
  const ruleset = lib.loadRuleset('eu-2021-821-art5', { asOf: DATE });
  const transactions = JSON.parse(JSON.stringify(sample(testing, ruleset, count))) as unknown[];
  options.log(`Per-call costs: formatReport HTML of ${reports} assessments, assessMany of ${count} transactions…`);

  const made = lib.assessMany(transactions.slice(0, reports), { ruleset });
  // The same assessments as they come back from a file: equal data, not the objects the library made.
  const copies = JSON.parse(JSON.stringify(made)) as typeof made;
  const report = (assessments: typeof made) => () => {
    for (const [index, assessment] of assessments.entries())
      lib.formatReport(assessment, transactions[index], { format: 'html', ruleset });
  };
  const onePerCall = () => {
    for (const transaction of transactions) lib.assessMany([transaction], { ruleset });
  };
  const batch = () => lib.assessMany(transactions, { ruleset });
  const results = await measureRounds(
    [
      { name: 'reportMade', count: reports, run: report(made), warmUp: report(made.slice(0, 10)) },
      { name: 'reportCopy', count: reports, run: report(copies), warmUp: report(copies.slice(0, 10)) },
      { name: 'onePerCall', count, run: onePerCall, warmUp: onePerCall },
      { name: 'batch', count, run: batch, warmUp: batch },
    ],
    rounds,
  );
  const micros = (name: string) => median(results[name] ?? []);
  return {
    formatReportHtml: {
      reports,
      libraryMadeMs: significant(micros('reportMade') / 1000),
      jsonCopyMs: significant(micros('reportCopy') / 1000),
      copyOverMade: significant(micros('reportCopy') / micros('reportMade')),
    },
    assessMany: {
      transactions: count,
      onePerCallMicros: significant(micros('onePerCall')),
      batchMicros: significant(micros('batch')),
      onePerCallOverBatch: significant(micros('onePerCall') / micros('batch')),
    },
  };
}

/** Generated transactions on `DATE`, as `bench/run.ts` makes them (a seed of their own). */
function sample(testing: TestingKit, ruleset: CompiledRuleset, count: number): unknown[] {
  const arbitrary = testing.partialTransactionArbitrary(testing.vocabularyOf(ruleset), { date: DATE });
  return fc.sample(arbitrary, { numRuns: count, seed: 45 }).map(({ partial }) => partial);
}

export function describePerCallResults(results: PerCallResults): string {
  const { formatReportHtml: html, assessMany: many } = results;
  return [
    `formatReport HTML: library-made ${html.libraryMadeMs} ms, JSON copy ${html.jsonCopyMs} ms ` +
      `(copy/made ${html.copyOverMade})`,
    `assessMany: one transaction per call ${many.onePerCallMicros} µs, one batch ${many.batchMicros} µs a ` +
      `transaction (one per call/batch ${many.onePerCallOverBatch})`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { lib, testing } = await loadLibrary();
  const results = await measurePerCall(lib, testing, {
    quick: process.argv.includes('--quick'),
    log: (message) => process.stderr.write(`${message}\n`),
  });
  process.stdout.write(`${describePerCallResults(results)}\n${JSON.stringify(results)}\n`);
}
