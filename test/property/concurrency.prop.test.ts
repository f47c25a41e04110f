import fc from 'fast-check';
import { Engine } from 'json-rules-engine';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { assess, compileRuleset, type Assessment } from '../../src/index';
import { partialTransactionArbitrary, vocabularyOf } from '../../src/testing/arbitraries';
import { readJsonFile } from '../support/rulesets';
import { runs } from '../support/runs';

const CALLS = runs(10_000);
/**
 * Each engine holds every rule of the ruleset; a burst must reuse a bounded set of them. Before this check, 10,000
 * concurrent calls built 10,000 engines: 2.2 GB of heap and 84 s instead of 7 s for the same calls one by one.
 */
const MOST_ENGINES = 64;

/** The parts of eventemitter2's interface (which json-rules-engine's Engine and Rule extend) this test reads. */
interface Emitter {
  eventNames(): (string | symbol)[];
  listenerCount(event: string | symbol): number;
}

/** Listeners on an engine and on each of its rules. */
function listenersOf(engine: Engine): number {
  const emitters = [engine, ...((engine as unknown as { rules?: unknown[] }).rules ?? [])] as unknown as Emitter[];
  return emitters.reduce(
    (total, emitter) => total + emitter.eventNames().reduce((sum, name) => sum + emitter.listenerCount(name), 0),
    0,
  );
}

/** Resources that keep the process alive (timers, handles), by type. */
function activeResources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const type of process.getActiveResourcesInfo()) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}

function processListeners(): Record<string, number> {
  return Object.fromEntries(process.eventNames().map((name) => [String(name), process.listenerCount(name)]));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('one compiled ruleset under load', () => {
  test(
    `${CALLS.toLocaleString('en')} concurrent assess calls give the same assessments as the ` +
      `same calls one by one, and leave no listener, timer or handle behind`,
    async () => {
      // A ruleset of its own, so its engine pool starts empty in this test.
      const ruleset = compileRuleset(readJsonFile('rulesets/eu-2021-821-art5/2.0.0.json'), {
        overlays: [readJsonFile('rulesets/de-awv-9-4/1.0.0.json')],
      });
      const transactions = fc
        .sample(partialTransactionArbitrary(vocabularyOf(ruleset), { date: '2025-01-10' }), {
          numRuns: CALLS,
          seed: 2024,
        })
        .map(({ partial }) => partial);

      // Every engine that runs, with its listener count after its first run and after its last.
      const listeners = new Map<Engine, { first: number; last: number }>();
      const run = Engine.prototype.run;
      vi.spyOn(Engine.prototype, 'run').mockImplementation(async function (
        this: Engine,
        ...args: Parameters<Engine['run']>
      ) {
        const result = await run.apply(this, args);
        const count = listenersOf(this);
        listeners.set(this, { first: listeners.get(this)?.first ?? count, last: count });
        return result;
      });

      const resourcesBefore = activeResources();
      const processListenersBefore = processListeners();
      const sequential: Assessment[] = [];
      for (const transaction of transactions) sequential.push(await assess(transaction, { ruleset }));
      const concurrent = await Promise.all(transactions.map((transaction) => assess(transaction, { ruleset })));

      expect(concurrent).toEqual(sequential);
      expect(listeners.size, `${listeners.size} engines ran ${CALLS} calls`).toBeLessThanOrEqual(MOST_ENGINES);
      expect(listeners.size).toBeGreaterThan(0);
      for (const { first, last } of listeners.values()) expect(last).toBe(first);
      expect(activeResources()).toEqual(resourcesBefore);
      expect(processListeners()).toEqual(processListenersBefore);
    },
  );
});
