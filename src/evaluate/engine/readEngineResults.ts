import type { RuleResult } from 'json-rules-engine';
import { AssessmentError } from '../../errors/AssessmentError';
import { kleeneAll, kleeneAny, kleeneNot } from '../../model/kleene';
import type { ConditionNode, Program } from '../../model/program';
import type { ConditionTrace, FactConditionTrace, FactValue, TruthValue } from '../../types/assessment';
import type { EngineEntry } from './translateProgram';

/** The engine's result for one condition node (json-rules-engine annotates a clone of the condition tree). */
interface EngineConditionResult {
  readonly result?: boolean;
  readonly factResult?: unknown;
  readonly all?: readonly EngineConditionResult[];
  readonly any?: readonly EngineConditionResult[];
  readonly not?: EngineConditionResult;
}

/** What reading a trace needs: the run's named conditions, and the comparison traces kept for reuse. */
export interface ReadContext {
  readonly named: ReadonlyMap<string, ConditionTrace>;
  readonly kept: KeptTraces;
}

/** Comparison traces of one program kept for reuse, by node and fact value, within an overall and a per-comparison bound. */
export interface KeptTraces {
  readonly byNode: Map<ConditionNode, Map<FactValue, FactConditionTrace>>;
  room: number;
}
export const KEPT_TRACES = 16_384;
const KEPT_PER_COMPARISON = 64;

/** The trace of one engine rule's condition, checked against the engine's own result for the rule. */
export function readTrace(
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
export function readNotes(program: Program, ruleResult: RuleResult | undefined, context: ReadContext): TruthValue[] {
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
export function asFact(result: TruthValue): boolean | null {
  return result === 'unknown' ? null : result === 'true';
}

export function engineFailure(detail: string): AssessmentError {
  return new AssessmentError({
    path: [],
    code: 'engine_failure',
    message: `json-rules-engine produced an inconsistent result (${detail}); this is a bug in dual-use-rules.`,
  });
}
