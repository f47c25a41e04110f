/**
 * Retained memory per Assessment, in a process of its own (run with --expose-gc): the heap that 10,000 assessments of
 * the Article 5 ruleset keep alive, divided by 10,000, for `assessMany` and for `assess`. Prints one JSON object.
 */
import { loadLibrary } from './library';

const COUNT = Number(process.argv[2] ?? 10_000);
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('Run with node --expose-gc.');

const { lib, testing } = await loadLibrary();
const ruleset = lib.loadRuleset('eu-2021-821-art5', { asOf: '2025-06-30' });
const { default: fc } = await import('fast-check');
const transactions = fc.sample(
  testing
    .partialTransactionArbitrary(testing.vocabularyOf(ruleset), { date: '2025-06-30' })
    .map(({ partial }) => partial),
  { numRuns: COUNT, seed: 42 },
);

/** Heap growth per kept result, after full collections on both sides. */
async function retainedPerResult(produce: () => Promise<readonly unknown[]>): Promise<number> {
  await warmUp(produce);
  gc?.();
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const kept = await produce();
  gc?.();
  gc?.();
  const after = process.memoryUsage().heapUsed;
  if (kept.length !== COUNT) throw new Error('lost results');
  return (after - before) / kept.length;
}

/** A first run (ruleset internals, interned traces, engines), in a frame of its own so that nothing keeps its results. */
async function warmUp(produce: () => Promise<readonly unknown[]>): Promise<void> {
  await produce();
}

const assessMany = await retainedPerResult(async () => lib.assessMany(transactions, { ruleset }));
const assess = await retainedPerResult(async () => {
  const results = [];
  for (const transaction of transactions) results.push(await lib.assess(transaction, { ruleset }));
  return results;
});
process.stdout.write(
  `${JSON.stringify({ transactions: COUNT, bytesPerAssessment: { assessMany: Math.round(assessMany), assess: Math.round(assess) } })}\n`,
);
