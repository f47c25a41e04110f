import { Engine } from 'json-rules-engine';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { assess, compileRuleset } from '../../src/index';
import { minimalRuleset } from '../support/minimalRuleset';

const transaction = { exporter: { country: 'DE', informedByAuthority: true }, destination: { country: 'US' } };

describe('evaluation on json-rules-engine', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  // json-rules-engine keeps run status on the Engine: a run that finishes marks the engine finished, and other runs
  // in flight on it then skip their remaining priority sets. Overlapping runs must therefore never share an engine.
  test('overlapping runs each get an engine of their own; sequential runs reuse one', async () => {
    const ruleset = compileRuleset(minimalRuleset());
    const engines: Engine[] = [];
    const run = Engine.prototype.run;
    vi.spyOn(Engine.prototype, 'run').mockImplementation(function (this: Engine, ...args: Parameters<Engine['run']>) {
      engines.push(this);
      return run.apply(this, args);
    });
    await Promise.all([
      assess(transaction, { ruleset }),
      assess(transaction, { ruleset }),
      assess(transaction, { ruleset }),
    ]);
    expect(new Set(engines).size).toBe(3);
    engines.length = 0;
    await assess(transaction, { ruleset });
    await assess(transaction, { ruleset });
    expect(new Set(engines).size).toBe(1);
  });

  test('an engine failure surfaces as a typed error, never as a default answer', async () => {
    const ruleset = compileRuleset(minimalRuleset());
    vi.spyOn(Engine.prototype, 'run').mockRejectedValue(new Error('boom'));
    await expect(assess(transaction, { ruleset })).rejects.toMatchObject({
      name: 'AssessmentError',
      code: 'engine_failure',
    });
  });

  // The pool holds at most 8 engines per ruleset: one not given back after a failure is lost, and a ninth call would
  // then wait forever for an engine.
  test('engines are given back to the pool when reading their results fails', async () => {
    const ruleset = compileRuleset(minimalRuleset());
    vi.spyOn(Engine.prototype, 'run').mockResolvedValue({
      results: [{ name: '0', result: true }],
      failureResults: [],
    } as never);
    const withinTime = <T>(promise: Promise<T>) =>
      Promise.race([
        promise,
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('no engine came back to the pool')), 5_000),
        ),
      ]);
    for (let call = 0; call < 10; call++) {
      await expect(withinTime(assess(transaction, { ruleset }))).rejects.toMatchObject({
        name: 'AssessmentError',
        code: 'engine_failure',
      });
    }
    vi.restoreAllMocks();
    await expect(withinTime(assess(transaction, { ruleset }))).resolves.toMatchObject({ ruleset: { id: ruleset.id } });
  });
});
