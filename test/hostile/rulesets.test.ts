import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  assess,
  assessMany,
  compileRuleset,
  loadRuleset,
  RulesetError,
  type Assessment,
  type CompiledRuleset,
} from '../../src/index';
import { completeTransactionArbitrary, vocabularyOf } from '../../src/testing/arbitraries';
import { minimalRuleset } from '../support/minimalRuleset';
import { loadCase } from './support/loadCase';
import { compileEachInWorker, type Outcome } from './support/runInWorker';

const CORPUS = fileURLToPath(new URL('./rulesets/', import.meta.url));
const files = readdirSync(CORPUS)
  .filter((name) => name.endsWith('.json') || name.endsWith('.ts'))
  .sort()
  .map((name) => ({ name, file: `${CORPUS}${name}` }));

/** A hang guard per document, generous enough for a slow CI machine; not a performance claim. */
const DEADLINE_MS = 20_000;

/** Everything observable about the built-in prototypes a ruleset might try to reach. */
function prototypeSnapshot(): unknown {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((prototype) =>
    Object.getOwnPropertyNames(prototype)
      .sort()
      .map((name) => {
        const descriptor = Object.getOwnPropertyDescriptor(prototype, name) as PropertyDescriptor;
        return [
          name,
          descriptor.value ?? null,
          descriptor.get ?? null,
          descriptor.set ?? null,
          descriptor.writable ?? null,
          descriptor.enumerable,
          descriptor.configurable,
        ];
      }),
  );
}

describe('the hostile ruleset corpus', () => {
  const before = prototypeSnapshot();
  let outcomes: Map<string, Outcome>;
  let reference: { rulesets: CompiledRuleset[]; transactions: unknown[]; assessments: Assessment[][] };

  const assessAll = async () =>
    reference.rulesets.map((ruleset) =>
      Promise.all(reference.transactions.map((transaction) => assess(transaction, { ruleset }))),
    );

  beforeAll(async () => {
    const bundled = loadRuleset('eu-2021-821-art5', { asOf: '2025-01-10' });
    const rulesets = [bundled, compileRuleset(minimalRuleset())];
    const transactions = fc.sample(completeTransactionArbitrary(vocabularyOf(bundled), { date: '2025-01-10' }), {
      numRuns: 200,
      seed: 7,
    });
    reference = { rulesets, transactions, assessments: [] };
    reference.assessments = await Promise.all(await assessAll());
    outcomes = await compileEachInWorker(
      files.map(({ file }) => file),
      DEADLINE_MS,
    );
  }, 60 * DEADLINE_MS);

  test('holds at least 30 documents', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
  });

  test.each(files)(
    '$name is refused with its issue, in a worker (no hang, no crash) and in this process',
    async ({ file }) => {
      const hostile = await loadCase(file);
      const expected = expect.objectContaining(hostile.refusedWith);
      const outcome = outcomes.get(file);
      expect(outcome, `${hostile.about}\nworker: ${JSON.stringify(outcome)?.slice(0, 2000)}`).toMatchObject({
        result: 'refused',
      });
      if (outcome?.result !== 'refused') return;
      expect(outcome.issues).toContainEqual(expected);

      const document = hostile.document();
      const overlays = hostile.overlays?.();
      let thrown: unknown;
      try {
        compileRuleset(document, overlays === undefined ? {} : { overlays });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(RulesetError);
      expect((thrown as RulesetError).issues).toContainEqual(expected);
    },
  );

  afterAll(() => {
    // Reported here too, so a failure of the last test below cannot hide it.
    expect(prototypeSnapshot()).toEqual(before);
  });

  test('afterwards, the built-in prototypes and rulesets compiled before behave exactly as before', async () => {
    expect(prototypeSnapshot()).toEqual(before);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(await Promise.all(await assessAll())).toEqual(reference.assessments);
    reference.rulesets.forEach((ruleset, index) =>
      expect(assessMany(reference.transactions, { ruleset })).toEqual(reference.assessments[index]),
    );
  });
});
