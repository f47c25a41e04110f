// Soak: many sequential assessments on one compiled ruleset, to show that memory returns to its baseline (no leak
// in the engine pool, the almanacs, the caches or the error path). Not part of `npm test`: run `npm run soak`.
//
//   npm run soak                         1,000,000 calls through assess, then 1,000,000 through assessMany
//   npm run soak -- --calls 200000       fewer calls
//   npm run soak -- --path assess        one path only (assess | assessMany)
//
// The heap is sampled after a full garbage collection (node --expose-gc) at the start, every tenth of the run and
// at the end. The run fails (exit 1) when the heap after the run exceeds the baseline by more than the tolerance, or
// when it grew across the last half of the samples (growth that would continue with more calls).
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { assess, assessMany, loadRuleset, TransactionError } from '../src/index';
import { partialTransactionArbitrary, vocabularyOf } from '../src/testing/arbitraries';

const { values } = parseArgs({
  options: {
    calls: { type: 'string', default: '1000000' },
    path: { type: 'string', default: 'both' },
    'tolerance-mb': { type: 'string', default: '4' },
  },
});
const CALLS = Number(values.calls);
const TOLERANCE = Number(values['tolerance-mb']) * 1024 * 1024;
const PATHS =
  values.path === 'both' ? (['assess', 'assessMany'] as const) : ([values.path] as ('assess' | 'assessMany')[]);
if (!Number.isInteger(CALLS) || CALLS < 10 || !PATHS.every((path) => path === 'assess' || path === 'assessMany')) {
  console.error('Usage: npm run soak -- [--calls N] [--path assess|assessMany|both] [--tolerance-mb M]');
  process.exit(2);
}

const collect = (globalThis as { gc?: () => void }).gc;
if (collect === undefined) {
  console.error('Run with node --expose-gc (npm run soak does).');
  process.exit(2);
}

/** The heap in use after full collections (repeated, since one pass can leave garbage that a finaliser freed). */
function settledHeap(): number {
  for (let pass = 0; pass < 3; pass++) (collect as () => void)();
  return process.memoryUsage().heapUsed;
}

const ruleset = loadRuleset('eu-2021-821-art5', { asOf: '2025-01-10' });
// 1,000 transactions, cycled: nine in ten valid (some with unknown facts), one in ten invalid (the error path).
const transactions: unknown[] = fc
  .sample(partialTransactionArbitrary(vocabularyOf(ruleset), { date: '2025-01-10' }), { numRuns: 1000, seed: 1 })
  .map(({ partial }, index) => (index % 10 === 9 ? { ...partial, exporter: { country: 'XX' } } : partial));

async function call(path: 'assess' | 'assessMany', transaction: unknown): Promise<void> {
  try {
    if (path === 'assess') await assess(transaction, { ruleset });
    else assessMany([transaction], { ruleset });
  } catch (error) {
    if (!(error instanceof TransactionError)) throw error;
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
let failed = false;

for (const path of PATHS) {
  // Warm-up: the first calls fill lazily built caches (schemas, the engine pool); they are not a leak.
  for (let index = 0; index < 10_000; index++) await call(path, transactions[index % transactions.length]);
  const baseline = settledHeap();
  const samples: number[] = [];
  const started = performance.now();
  for (let index = 1; index <= CALLS; index++) {
    await call(path, transactions[index % transactions.length]);
    if (index % Math.floor(CALLS / 10) === 0) samples.push(settledHeap());
  }
  const seconds = (performance.now() - started) / 1000;
  const final = settledHeap();
  const lastHalf = samples.slice(Math.floor(samples.length / 2));
  const growing = lastHalf.every((sample, index) => index === 0 || sample > (lastHalf[index - 1] as number));
  const ok = final - baseline <= TOLERANCE && !growing;
  failed ||= !ok;
  console.log(
    `${path}: ${CALLS.toLocaleString('en')} sequential calls in ${seconds.toFixed(1)} s ` +
      `(${((seconds * 1e6) / CALLS).toFixed(1)} µs per call)`,
  );
  console.log(`  heap after GC: baseline ${mb(baseline)}, samples ${samples.map(mb).join(', ')}, final ${mb(final)}`);
  console.log(
    `  ${ok ? 'OK' : 'LEAK?'}: final − baseline = ${mb(final - baseline)} (tolerance ` +
      `${mb(TOLERANCE)})${growing ? '; the heap grew at every sample of the last half' : ''}`,
  );
}
process.exit(failed ? 1 : 0);
