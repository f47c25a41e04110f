import { Almanac, Engine, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import type { ConditionNode, Program, ProgramRule } from '../compile/program';
import { AssessmentError } from '../errors/AssessmentError';
import type { ConditionTrace, FactValue, TraceStep } from '../types/assessment';
import type { Evaluation } from './evaluation';
import { kleeneAll, kleeneAny, kleeneNot } from './kleene';
import { OPERATOR_NAMES } from './operators';
import type { FactValues } from './prepareFacts';

/**
 * Suffix of the operator variant used under an odd number of `not`s. An unknown fact makes a comparison false,
 * or (with this suffix) true, so that the engine's own two-valued result of every rule is exactly
 * "definitely true" in three-valued (Kleene) logic. The trace's `false`/`unknown` distinction is then read off the
 * engine's per-condition results: a comparison whose fact is unknown is `unknown`.
 */
const OR_UNKNOWN = '.orUnknown';

/** The engine's result for one condition node (json-rules-engine annotates a clone of the condition tree). */
interface EngineConditionResult {
  readonly result?: boolean;
  readonly factResult?: unknown;
  readonly all?: readonly EngineConditionResult[];
  readonly any?: readonly EngineConditionResult[];
  readonly not?: EngineConditionResult;
}

/** Facts prepared once per transaction, served to the engine without per-run fact objects, caching or paths. */
class PreparedFactsAlmanac extends Almanac {
  constructor(private readonly values: FactValues) {
    super();
  }

  override factValue<T>(factId: string): Promise<T> {
    const value = this.values.get(factId);
    if (value === undefined) return Promise.reject(new Error(`Undefined fact: ${factId}`));
    return Promise.resolve(value as T);
  }
}

/**
 * Evaluates a program's rules and notes on json-rules-engine. json-rules-engine keeps run status on the engine,
 * so concurrent runs on one engine can skip each other's rules; each run therefore takes an engine of its own
 * from a pool, and returns it when done.
 */
export function createEngineEvaluator(program: Program): (facts: FactValues) => Promise<Evaluation> {
  const entries: readonly { condition: ConditionNode; rule?: ProgramRule }[] = [
    ...program.rules.map((rule) => ({ condition: rule.condition, rule })),
    ...program.notes.map((note) => ({ condition: note.condition })),
  ];
  const translation = translateProgram(entries.map(({ condition }) => condition));
  const pool = createPool(() => buildEngine(program, translation));
  pool.release(pool.acquire());

  return async (facts) => {
    const engine = pool.acquire();
    let outcome;
    try {
      outcome = await engine.run({}, { almanac: new PreparedFactsAlmanac(facts) });
    } catch (cause) {
      throw new AssessmentError('engine_failure', `json-rules-engine failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    }
    pool.release(engine);
    const byIndex = new Array<{ result: boolean; conditions: EngineConditionResult } | undefined>(entries.length);
    for (const ruleResult of [...outcome.results, ...outcome.failureResults]) {
      byIndex[Number(ruleResult.name)] = ruleResult as unknown as { result: boolean; conditions: EngineConditionResult };
    }
    const traces = entries.map(({ condition }, index) => {
      const ruleResult = byIndex[index];
      const root = translation.wrapped[index] === true ? ruleResult?.conditions.all?.[0] : ruleResult?.conditions;
      if (ruleResult === undefined || root === undefined) throw engineFailure(`rule ${index} was not evaluated`);
      const trace = traceFromEngine(condition, root);
      if (ruleResult.result !== (trace.result === 'true')) throw engineFailure(`rule ${index}: the engine's result disagrees with its conditions`);
      return trace;
    });
    return {
      steps: program.rules.map((rule, index): TraceStep => {
        const conditions = traces[index] as ConditionTrace;
        return { rule: rule.id, title: rule.title, outcome: rule.outcome, result: conditions.result, citation: rule.citation, seeAlso: rule.seeAlso, conditions };
      }),
      notes: program.notes.map((_, index) => (traces[program.rules.length + index] as ConditionTrace).result),
    };
  };
}

/** The program in json-rules-engine's grammar: one engine rule per rule and note, named conditions as the engine's shared conditions. */
interface EngineTranslation {
  readonly rules: readonly RuleProperties[];
  readonly conditions: ReadonlyMap<string, TopLevelCondition>;
  /** Whether each rule's condition had to be wrapped in an `all` (a comparison cannot be the root of an engine rule). */
  readonly wrapped: readonly boolean[];
}

function translateProgram(roots: readonly ConditionNode[]): EngineTranslation {
  const conditions = new Map<string, TopLevelCondition>();
  /**
   * Translates a condition tree. A named condition becomes a reference to one of the engine's shared conditions
   * (one per name and polarity), which keeps small the tree of each rule that the engine deep-copies on every run.
   */
  const translate = (node: ConditionNode, negated: boolean): object => {
    switch (node.type) {
      case 'fact':
        return { fact: node.fact, operator: negated ? `${node.operator}${OR_UNKNOWN}` : node.operator, value: node.expected };
      case 'all':
        return { all: node.children.map((child) => translate(child, negated)) };
      case 'any':
        return { any: node.children.map((child) => translate(child, negated)) };
      case 'not':
        return { not: translate(node.child, !negated) };
      case 'named': {
        const child = translate(node.child, negated);
        // The engine's shared conditions must be groups; a named comparison stays inline.
        if (!isTopLevel(child)) return child;
        const name = negated ? `${node.name}${OR_UNKNOWN}` : node.name;
        conditions.set(name, child);
        return { condition: name };
      }
    }
  };
  const wrapped: boolean[] = [];
  const rules = roots.map((root, index): RuleProperties => {
    const condition = translate(root, false);
    wrapped.push(!isTopLevel(condition));
    return { name: String(index), conditions: isTopLevel(condition) ? condition : { all: [condition as never] }, event: { type: 'evaluated' } };
  });
  return { rules, conditions, wrapped };
}

function isTopLevel(condition: object): condition is TopLevelCondition {
  return 'all' in condition || 'any' in condition || 'not' in condition || 'condition' in condition;
}

function buildEngine(program: Program, translation: EngineTranslation): Engine {
  const engine = new Engine([], {
    allowUndefinedFacts: false,
    allowUndefinedConditions: false,
    pathResolver: () => {
      throw new Error('Rulesets never use fact paths');
    },
  });
  for (const name of OPERATOR_NAMES) {
    const test = program.tests[name];
    engine.addOperator(name, (actual: FactValue, expected: unknown) => actual !== null && test(actual, expected));
    engine.addOperator(`${name}${OR_UNKNOWN}`, (actual: FactValue, expected: unknown) => actual === null || test(actual, expected));
  }
  for (const [name, condition] of translation.conditions) engine.setCondition(name, condition);
  for (const rule of translation.rules) engine.addRule(rule);
  return engine;
}

/** Reads the engine's annotated condition tree back into a trace, in step with the program's tree. */
function traceFromEngine(node: ConditionNode, result: EngineConditionResult): ConditionTrace {
  switch (node.type) {
    case 'fact': {
      if (typeof result.result !== 'boolean' || !('factResult' in result)) throw engineFailure(`the comparison of "${node.fact}" was not evaluated`);
      const actual = result.factResult as FactValue;
      const value = actual === null ? 'unknown' : result.result ? 'true' : 'false';
      return node.threshold === undefined
        ? { type: 'fact', fact: node.fact, operator: node.operator, expected: node.expected, actual, result: value }
        : { type: 'fact', fact: node.fact, operator: node.operator, expected: node.expected, actual, result: value, threshold: node.threshold };
    }
    case 'all':
    case 'any': {
      const children = result[node.type];
      if (children === undefined) throw engineFailure(`an "${node.type}" group is missing from the engine's result`);
      const conditions = node.children.map((child, index) => traceFromEngine(child, children[index] as EngineConditionResult));
      const results = conditions.map((condition) => condition.result);
      return { type: node.type, result: node.type === 'all' ? kleeneAll(results) : kleeneAny(results), conditions };
    }
    case 'not': {
      if (result.not === undefined) throw engineFailure('a "not" is missing from the engine\'s result');
      const condition = traceFromEngine(node.child, result.not);
      return { type: 'not', result: kleeneNot(condition.result), condition };
    }
    case 'named': {
      const condition = traceFromEngine(node.child, result);
      return { type: 'named', name: node.name, title: node.title, citation: node.citation, result: condition.result, condition };
    }
  }
}

function engineFailure(detail: string): AssessmentError {
  return new AssessmentError('engine_failure', `json-rules-engine produced an inconsistent result (${detail}); this is a bug in dual-use-rules.`);
}

/** Idle engines kept for reuse; a burst of concurrent calls creates more, and at most `maxIdle` are kept afterwards. */
function createPool(create: () => Engine, maxIdle = 8) {
  const idle: Engine[] = [];
  return {
    acquire: (): Engine => idle.pop() ?? create(),
    release: (engine: Engine): void => {
      if (idle.length < maxIdle) idle.push(engine);
    },
  };
}
