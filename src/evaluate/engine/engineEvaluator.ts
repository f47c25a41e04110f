import type { Engine } from 'json-rules-engine';
import { AssessmentError } from '../../errors/AssessmentError';
import type { Evaluation } from '../../model/evaluation';
import type { Program } from '../../model/program';
import type { ConditionTrace, TraceStep, TruthValue } from '../../types/assessment';
import type { Evaluator } from '../evaluator';
import type { FactValues } from '../prepareFacts';
import { createPool, type EnginePool } from './enginePool';
import { buildEngine, loadEngineModule } from './loadEngine';
import { engineFailure, KEPT_TRACES, readNotes, readTrace, type KeptTraces } from './readEngineResults';
import { runsOf, translateProgram, type EngineEntry } from './translateProgram';

/**
 * The json-rules-engine evaluator, used by `assess`: the contract and the oracle. Evaluates a program's rules and
 * notes on json-rules-engine, unforked, in three-valued mode (see `translateProgram`).
 *
 * Each named condition is an engine rule of its own, of higher priority than the rules that use it, so the engine
 * evaluates it once per run; its result reaches those rules as a fact (json-rules-engine's rule chaining), and its
 * trace appears in each of them. json-rules-engine keeps run status on the engine, so concurrent runs on one engine
 * can skip each other's rules; each run therefore takes an engine of its own from a pool, and returns it when done.
 */
export class EngineEvaluator implements Evaluator<Promise<Evaluation>> {
  readonly #program: Program;
  // Translated on the first call: compiling a ruleset costs nothing for the engine path until it is used.
  #entries: EngineEntry[] | undefined;
  #pool: EnginePool<readonly Engine[]> | undefined;
  readonly #kept: KeptTraces = { byNode: new Map(), room: KEPT_TRACES };

  constructor(program: Program) {
    this.#program = program;
  }

  /** Evaluates every rule and note in one or more engine runs, and reads the traces back from the engine's results. */
  async evaluate(facts: FactValues): Promise<Evaluation> {
    const program = this.#program;
    const kept = this.#kept;
    const loaded = await loadEngineModule();
    const translated = (this.#entries ??= translateProgram(program));
    const firstRule = translated.length - program.rules.length - (program.notes.length > 0 ? 1 : 0);
    const pool = (this.#pool ??= createPool(() =>
      runsOf(translated).map((run) => buildEngine(loaded.Engine, program, run, kept)),
    ));
    const engines = await pool.acquire();
    const named = new Map<string, ConditionTrace>();
    const conditions = new Array<ConditionTrace | undefined>(program.rules.length);
    let notes: TruthValue[] = [];
    // The engines go back to the pool however reading their results ends, unless a run failed and they were dropped:
    // an engine kept by a failed call is lost to the pool, and once all are lost every call waits forever.
    let discarded = false;
    try {
      for (const engine of engines) {
        let outcome;
        try {
          outcome = await engine.run({}, { almanac: loaded.createAlmanac(facts, named) });
        } catch (cause) {
          discarded = true;
          pool.discard();
          if (cause instanceof AssessmentError) throw cause;
          throw new AssessmentError(
            {
              path: [],
              code: 'engine_failure',
              message: `json-rules-engine failed: ${cause instanceof Error ? cause.message : String(cause)}`,
            },
            { cause },
          );
        }
        // Read each run's results as soon as it ends, so that they need not stay alive while later runs go on.
        for (const ruleResult of [...outcome.results, ...outcome.failureResults]) {
          const index = Number(ruleResult.name);
          const entry = translated[index] as EngineEntry;
          if (entry.notes === true) notes = readNotes(program, ruleResult, { named, kept });
          else if (entry.named === undefined)
            conditions[index - firstRule] = readTrace(entry, index, ruleResult, { named, kept });
        }
      }
    } finally {
      if (!discarded) pool.release(engines);
    }
    const steps = program.rules.map((rule, index): TraceStep => {
      const trace = conditions[index];
      if (trace === undefined) throw engineFailure(`rule ${rule.id} was not evaluated`);
      return {
        rule: rule.id,
        title: rule.title,
        outcome: rule.outcome,
        result: trace.result,
        citation: rule.citation,
        seeAlso: rule.seeAlso,
        conditions: trace,
        ...(rule.extensionPoint === undefined ? {} : { extensionPoint: rule.extensionPoint }),
      };
    });
    if (notes.length !== program.notes.length) throw engineFailure('the notes were not evaluated');
    return { steps, notes, stepsShared: false };
  }
}
