import type { Almanac, Engine, Event, RuleProperties, RuleResult, TopLevelCondition } from 'json-rules-engine';
import { AssessmentError } from '../errors/AssessmentError';
import type { Evaluation } from '../model/evaluation';
import { kleeneAll, kleeneAny, kleeneNot } from '../model/kleene';
import { OPERATOR_NAMES } from '../model/operators';
import type { ConditionNode, Program } from '../model/program';
import type { ConditionTrace, FactConditionTrace, FactValue, TraceStep, TruthValue } from '../types/assessment';
import type { FactValues } from './prepareFacts';

/**
 * Suffix of the operator variant used under an odd number of `not`s. An unknown fact makes a comparison false,
 * or (with this suffix) true, so that the engine's own two-valued result of every rule is exactly
 * "definitely true" in three-valued (Kleene) logic. The trace's `false`/`unknown` distinction is then read off the
 * engine's per-condition results: a comparison whose fact is unknown is `unknown`.
 */
const OR_UNKNOWN = '.orUnknown';

/**
 * Prefix of the facts that carry a named condition's result to the rules that use it (`true`, `false`, or `null`
 * for unknown). Ruleset fact ids cannot contain ":", so these never clash with a ruleset's facts.
 */
const NAMED_RESULT = 'condition:';

/** The engine's result for one condition node (json-rules-engine annotates a clone of the condition tree). */
interface EngineConditionResult {
  readonly result?: boolean;
  readonly factResult?: unknown;
  readonly all?: readonly EngineConditionResult[];
  readonly any?: readonly EngineConditionResult[];
  readonly not?: EngineConditionResult;
}

/** One engine rule: a named condition (evaluated first, once per run), or a rule or note of the program. */
interface EngineEntry {
  readonly condition: ConditionNode;
  /** For a named condition: its name. */
  readonly named?: string;
  /** Whether the condition had to be wrapped in an `all` (a comparison cannot be the root of an engine rule). */
  readonly wrapped: boolean;
  /** For the one engine rule that evaluates every note: its `all` holds one condition per note. */
  readonly notes?: boolean;
  readonly properties: RuleProperties;
}

/** One run's almanac: the transaction's facts and the named conditions evaluated so far in the run. */
interface RunAlmanac extends Almanac {
  /** The trace of each named condition, once its own engine rule has been evaluated in this run. */
  readonly named: Map<string, ConditionTrace>;
}

/** json-rules-engine and the almanac this library runs it with, loaded on the first `assess` (bulk work never needs them). */
interface EngineModule {
  readonly Engine: typeof Engine;
  /** An almanac for one run over `facts`; `named` holds the named conditions' traces, shared by a transaction's runs. */
  readonly createAlmanac: (facts: FactValues, named: Map<string, ConditionTrace>) => RunAlmanac;
}

let engineModule: Promise<EngineModule> | undefined;

function loadEngineModule(): Promise<EngineModule> {
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

/**
 * Evaluates a program's rules and notes on json-rules-engine.
 *
 * Each named condition is an engine rule of its own, of higher priority than the rules that use it, so the engine
 * evaluates it once per run; its result reaches those rules as a fact (json-rules-engine's rule chaining), and its
 * trace appears in each of them. json-rules-engine keeps run status on the engine, so concurrent runs on one engine
 * can skip each other's rules; each run therefore takes an engine of its own from a pool, and returns it when done.
 */
export function createEngineEvaluator(program: Program): (facts: FactValues) => Promise<Evaluation> {
  // Translated on the first call: compiling a ruleset costs nothing for the engine path until it is used.
  let entries: EngineEntry[] | undefined;
  let pool: EnginePool<readonly Engine[]> | undefined;
  const kept: KeptTraces = { byNode: new Map(), room: KEPT_TRACES };

  return async (facts) => {
    const loaded = await loadEngineModule();
    entries ??= translateProgram(program);
    const firstRule = entries.length - program.rules.length - (program.notes.length > 0 ? 1 : 0);
    const translated = entries;
    pool ??= createPool(() => runsOf(translated).map((run) => buildEngine(loaded.Engine, program, run, kept)));
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
            'engine_failure',
            `json-rules-engine failed: ${cause instanceof Error ? cause.message : String(cause)}`,
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
    return { steps, notes };
  };
}

/**
 * Most engine rules one json-rules-engine run evaluates. A run keeps every rule's result, deep copy and promises alive
 * until it ends, which makes the garbage collector's work per rule grow with the number of rules; a larger program is
 * therefore evaluated in consecutive runs (the named conditions, which come first, in the first run; their results
 * reach later runs through the almanacs), each read as soon as it ends.
 */
const RULES_PER_RUN = 100;

/** The engine rules, with their positions, in consecutive runs of at most `RULES_PER_RUN`. */
function runsOf(entries: readonly EngineEntry[]): { readonly entry: EngineEntry; readonly index: number }[][] {
  const runs: { readonly entry: EngineEntry; readonly index: number }[][] = [];
  entries.forEach((entry, index) => {
    if (index % RULES_PER_RUN === 0) runs.push([]);
    (runs[runs.length - 1] as { entry: EngineEntry; index: number }[]).push({ entry, index });
  });
  return runs;
}

/** The trace of one engine rule's condition, checked against the engine's own result for the rule. */
function readTrace(
  entry: EngineEntry,
  index: number,
  ruleResult: RuleResult | undefined,
  context: ReadContext,
): ConditionTrace {
  const conditions = ruleResult?.conditions as { all?: readonly EngineConditionResult[] } | undefined;
  const root = entry.wrapped ? conditions?.all?.[0] : (conditions as EngineConditionResult | undefined);
  if (ruleResult === undefined || root === undefined) throw engineFailure(`rule ${index} was not evaluated`);
  const trace = traceFromEngine(entry.condition, root, context);
  if (ruleResult.result !== (trace.result === 'true'))
    throw engineFailure(`rule ${index}: the engine's result disagrees with its conditions`);
  return trace;
}

/** Each note's result, from the engine rule that evaluates them all, checked against the engine's own result for each. */
function readNotes(program: Program, ruleResult: RuleResult | undefined, context: ReadContext): TruthValue[] {
  const conditions = (ruleResult?.conditions as { all?: readonly EngineConditionResult[] } | undefined)?.all;
  if (conditions === undefined || conditions.length !== program.notes.length)
    throw engineFailure('the notes were not evaluated');
  return program.notes.map((note, index) => {
    const result = conditions[index] as EngineConditionResult;
    const trace = traceFromEngine(note.condition, result, context);
    if (result.result !== (trace.result === 'true'))
      throw engineFailure(`note ${note.id}: the engine's result disagrees with its conditions`);
    return trace.result;
  });
}

/**
 * The engine rules: first each named condition (those used by other named conditions at higher priority, so they
 * run before), then the program's rules at priority 1, then one rule at priority 1 that evaluates every note.
 */
function translateProgram(program: Program): EngineEntry[] {
  const namedEntries = new Map<string, EngineEntry>();
  const depths = new Map<string, number>();
  const depthOf = (node: ConditionNode): number => {
    switch (node.type) {
      case 'fact':
        return 0;
      case 'all':
      case 'any':
        return Math.max(0, ...node.children.map(depthOf));
      case 'not':
        return depthOf(node.child);
      case 'named': {
        let depth = depths.get(node.name);
        if (depth === undefined) {
          depth = 1 + depthOf(node.child);
          depths.set(node.name, depth);
        }
        return depth;
      }
    }
  };
  const maxDepth = Math.max(0, ...[...program.rules, ...program.notes].map((entry) => depthOf(entry.condition)));

  const translate = (node: ConditionNode, negated: boolean): object => {
    switch (node.type) {
      case 'fact':
        return {
          fact: node.fact,
          operator: negated ? `${node.operator}${OR_UNKNOWN}` : node.operator,
          value: node.expected,
        };
      case 'all':
        return { all: node.children.map((child) => translate(child, negated)) };
      case 'any':
        return { any: node.children.map((child) => translate(child, negated)) };
      case 'not':
        return { not: translate(node.child, !negated) };
      case 'named':
        if (!namedEntries.has(node.name)) {
          // A named condition whose depth is d runs at priority maxDepth - d + 2: after the ones it uses, before the rules.
          const priority = maxDepth - (depths.get(node.name) as number) + 2;
          namedEntries.set(
            node.name,
            entryFor(node.child, translate(node.child, false), namedEntries.size, priority, node.name),
          );
        }
        return { fact: `${NAMED_RESULT}${node.name}`, operator: negated ? `equal${OR_UNKNOWN}` : 'equal', value: true };
    }
  };
  const rules = program.rules.map(({ condition }) => ({ condition, translated: translate(condition, false) }));
  const notes = program.notes.map(({ condition }) => translate(condition, false));
  const named = [...namedEntries.values()];
  const entries = [
    ...named,
    ...rules.map(({ condition, translated }, index) => entryFor(condition, translated, named.length + index, 1)),
  ];
  // The notes decide nothing and need only their results: one engine rule evaluates all of them, each read from its
  // own annotated condition, which spares the engine's per-rule work (result copies, events) for each note.
  if (notes.length > 0)
    entries.push({
      condition: { type: 'all', children: program.notes.map((note) => note.condition) },
      wrapped: false,
      notes: true,
      properties: {
        name: String(entries.length),
        priority: 1,
        conditions: { all: notes } as TopLevelCondition,
        event: { type: 'notes' },
      },
    });
  return entries;
}

function entryFor(
  condition: ConditionNode,
  translated: object,
  index: number,
  priority: number,
  named?: string,
): EngineEntry {
  const wrapped = !('all' in translated || 'any' in translated || 'not' in translated);
  const event: Event = { type: named === undefined ? 'evaluated' : 'named' };
  return {
    condition,
    ...(named === undefined ? {} : { named }),
    wrapped,
    properties: {
      name: String(index),
      priority,
      conditions: (wrapped ? { all: [translated] } : translated) as TopLevelCondition,
      event,
    },
  };
}

function buildEngine(
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

/** What reading a trace needs: the run's named conditions, and the comparison traces kept for reuse. */
interface ReadContext {
  readonly named: ReadonlyMap<string, ConditionTrace>;
  readonly kept: KeptTraces;
}

/** Comparison traces of one program kept for reuse, by node and fact value, within an overall and a per-comparison bound. */
interface KeptTraces {
  readonly byNode: Map<ConditionNode, Map<FactValue, FactConditionTrace>>;
  room: number;
}
const KEPT_TRACES = 16_384;
const KEPT_PER_COMPARISON = 64;

/** Reads the engine's annotated condition tree back into a trace, in step with the program's tree. */
function traceFromEngine(node: ConditionNode, result: EngineConditionResult, context: ReadContext): ConditionTrace {
  switch (node.type) {
    case 'fact': {
      if (typeof result.result !== 'boolean' || !('factResult' in result))
        throw engineFailure(`the comparison of "${node.fact}" was not evaluated`);
      const actual = result.factResult as FactValue;
      const value = actual === null ? 'unknown' : result.result ? 'true' : 'false';
      // A comparison's trace depends only on its fact's value: for an unknown fact, a boolean, string or number it
      // is kept, frozen, and shared by later assessments (a Map key does not tell -0 from 0, so -0 is never kept).
      const internable = actual === null || (typeof actual !== 'object' && !Object.is(actual, -0));
      const { kept: keptTraces } = context;
      let kept = internable ? keptTraces.byNode.get(node) : undefined;
      const known = kept?.get(actual);
      if (known !== undefined) return known;
      const trace: FactConditionTrace =
        node.threshold === undefined
          ? { type: 'fact', fact: node.fact, operator: node.operator, expected: node.expected, actual, result: value }
          : {
              type: 'fact',
              fact: node.fact,
              operator: node.operator,
              expected: node.expected,
              actual,
              result: value,
              threshold: node.threshold,
            };
      if (internable && keptTraces.room > 0 && (kept?.size ?? 0) < KEPT_PER_COMPARISON) {
        if (kept === undefined) {
          kept = new Map();
          keptTraces.byNode.set(node, kept);
        }
        keptTraces.room--;
        kept.set(actual, Object.freeze(trace));
      }
      return trace;
    }
    case 'all':
    case 'any': {
      const children = result[node.type];
      if (children === undefined) throw engineFailure(`an "${node.type}" group is missing from the engine's result`);
      const conditions = node.children.map((child, index) =>
        traceFromEngine(child, children[index] as EngineConditionResult, context),
      );
      const results = conditions.map((condition) => condition.result);
      return { type: node.type, result: node.type === 'all' ? kleeneAll(results) : kleeneAny(results), conditions };
    }
    case 'not': {
      if (result.not === undefined) throw engineFailure('a "not" is missing from the engine\'s result');
      const condition = traceFromEngine(node.child, result.not, context);
      return { type: 'not', result: kleeneNot(condition.result), condition };
    }
    case 'named': {
      // The engine compared the named condition's result, evaluated earlier in the run by its own rule.
      const condition = context.named.get(node.name);
      if (
        condition === undefined ||
        typeof result.result !== 'boolean' ||
        result.factResult !== asFact(condition.result)
      ) {
        throw engineFailure(`the named condition "${node.name}" was not evaluated before its use`);
      }
      return {
        type: 'named',
        name: node.name,
        title: node.title,
        citation: node.citation,
        result: condition.result,
        condition,
      };
    }
  }
}

/** A three-valued result as a fact value: unknown is `null`, like any unknown fact. */
function asFact(result: TruthValue): boolean | null {
  return result === 'unknown' ? null : result === 'true';
}

function engineFailure(detail: string): AssessmentError {
  return new AssessmentError(
    'engine_failure',
    `json-rules-engine produced an inconsistent result (${detail}); this is a bug in dual-use-rules.`,
  );
}

interface EnginePool<T> {
  acquire(): T | Promise<T>;
  release(engines: T): void;
  /** Drops an engine whose run failed (it is not reused); a fresh one takes its place for a waiting call. */
  discard(): void;
}

/**
 * At most `size` engines per compiled ruleset, each built on first need; a call that finds none idle waits for one.
 * Without the bound, a burst of 10,000 concurrent calls built 10,000 engines (2 GB of heap, over a minute).
 */
function createPool<T>(create: () => T, size = 8): EnginePool<T> {
  const idle: T[] = [];
  const waiting: ((engine: T) => void)[] = [];
  let created = 0;
  const hand = (engine: T) => {
    const next = waiting.shift();
    if (next === undefined) idle.push(engine);
    else next(engine);
  };
  return {
    acquire: () => {
      const engine = idle.pop();
      if (engine !== undefined) return engine;
      if (created < size) {
        created++;
        return create();
      }
      return new Promise<T>((resolve) => waiting.push(resolve));
    },
    release: hand,
    discard: () => {
      if (waiting.length === 0) created--;
      else hand(create());
    },
  };
}
