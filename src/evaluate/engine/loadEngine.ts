import type { Almanac, Engine, Event, RuleResult } from 'json-rules-engine';
import { OPERATOR_NAMES } from '../../model/operators';
import type { Program } from '../../model/program';
import type { ConditionTrace, FactValue } from '../../types/assessment';
import type { FactValues } from '../prepareFacts';
import { asFact, readTrace, type KeptTraces } from './readEngineResults';
import { NAMED_RESULT, OR_UNKNOWN, type EngineEntry } from './translateProgram';

/** One run's almanac: the transaction's facts and the named conditions evaluated so far in the run. */
export interface RunAlmanac extends Almanac {
  /** The trace of each named condition, once its own engine rule has been evaluated in this run. */
  readonly named: Map<string, ConditionTrace>;
}

/** json-rules-engine and the almanac this library runs it with, loaded on the first `assess` (bulk work never needs them). */
export interface EngineModule {
  readonly Engine: typeof Engine;
  /** An almanac for one run over `facts`; `named` holds the named conditions' traces, shared by a transaction's runs. */
  readonly createAlmanac: (facts: FactValues, named: Map<string, ConditionTrace>) => RunAlmanac;
}

let engineModule: Promise<EngineModule> | undefined;

/** Loads json-rules-engine, once per process. */
export function loadEngineModule(): Promise<EngineModule> {
  engineModule ??= import('json-rules-engine').then(({ Almanac, Engine }) => {
    /** Facts prepared once per transaction, served to the engine without per-run fact objects, caching or paths. */
    class PreparedFactsAlmanac extends Almanac implements RunAlmanac {
      constructor(
        private readonly values: FactValues,
        readonly named: Map<string, ConditionTrace>,
      ) {
        super();
      }

      override factValue<T>(factId: string): Promise<T> {
        const value = this.values.get(factId);
        if (value !== undefined) return Promise.resolve(value as T);
        const named = factId.startsWith(NAMED_RESULT) ? this.named.get(factId.slice(NAMED_RESULT.length)) : undefined;
        if (named !== undefined) return Promise.resolve(asFact(named.result) as T);
        return Promise.reject(new Error(`Undefined fact: ${factId}`));
      }
    }
    return { Engine, createAlmanac: (facts, named) => new PreparedFactsAlmanac(facts, named) };
  });
  return engineModule;
}

/** An engine for one run of engine rules (see `runsOf`): this library's operators, and each named condition's trace kept. */
export function buildEngine(
  EngineClass: typeof Engine,
  program: Program,
  entries: readonly { readonly entry: EngineEntry; readonly index: number }[],
  kept: KeptTraces,
): Engine {
  const engine = new EngineClass([], {
    allowUndefinedFacts: false,
    allowUndefinedConditions: false,
    pathResolver: () => {
      throw new Error('Rulesets never use fact paths');
    },
  });
  for (const name of OPERATOR_NAMES) {
    const test = program.tests[name];
    engine.addOperator(name, (actual: FactValue, expected: unknown) => actual !== null && test(actual, expected));
    engine.addOperator(
      `${name}${OR_UNKNOWN}`,
      (actual: FactValue, expected: unknown) => actual === null || test(actual, expected),
    );
  }
  for (const { entry, index } of entries) {
    const name = entry.named;
    if (name === undefined) {
      engine.addRule(entry.properties);
      continue;
    }
    // When a named condition's rule is done, its trace is kept on the run's almanac for the rules that use it.
    const keep = (_event: Event, almanac: Almanac, ruleResult: RuleResult) => {
      const run = almanac as RunAlmanac;
      run.named.set(name, readTrace(entry, index, ruleResult, { named: run.named, kept }));
    };
    engine.addRule({ ...entry.properties, onSuccess: keep, onFailure: keep });
  }
  return engine;
}
