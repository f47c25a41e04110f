import type { ConditionNode, Program } from '../compile/program';
import type { ConditionTrace, FactValue, TraceStep } from '../types/assessment';
import type { Evaluation } from './evaluation';
import { kleeneAll, kleeneAny, kleeneNot } from './kleene';
import type { FactValues } from './prepareFacts';

type NodeEvaluator = (facts: FactValues) => ConditionTrace;

/**
 * Builds a synchronous evaluator from the program's condition trees: plain closures, one per node,
 * created once per ruleset. No ruleset string is ever turned into code.
 */
export function compileEvaluator(program: Program): (facts: FactValues) => Evaluation {
  const rules = program.rules.map((rule) => ({ rule, evaluate: compileNode(rule.condition) }));
  const notes = program.notes.map((note) => compileNode(note.condition));
  return (facts) => ({
    steps: rules.map(({ rule, evaluate }): TraceStep => {
      const conditions = evaluate(facts);
      return {
        rule: rule.id,
        title: rule.title,
        outcome: rule.outcome,
        result: conditions.result,
        citation: rule.citation,
        seeAlso: rule.seeAlso,
        conditions,
      };
    }),
    notes: notes.map((evaluate) => evaluate(facts).result),
  });
}

function compileNode(node: ConditionNode): NodeEvaluator {
  switch (node.type) {
    case 'fact': {
      const { fact, operator, expected, threshold, test } = node;
      return (facts) => {
        const actual: FactValue = facts.get(fact) ?? null;
        const result = actual === null ? 'unknown' : test(actual, expected) ? 'true' : 'false';
        return threshold === undefined
          ? { type: 'fact', fact, operator, expected, actual, result }
          : { type: 'fact', fact, operator, expected, actual, result, threshold };
      };
    }
    case 'all':
    case 'any': {
      const { type } = node;
      const children = node.children.map(compileNode);
      const combine = type === 'all' ? kleeneAll : kleeneAny;
      return (facts) => {
        const conditions = children.map((evaluate) => evaluate(facts));
        return { type, result: combine(conditions.map((condition) => condition.result)), conditions };
      };
    }
    case 'not': {
      const child = compileNode(node.child);
      return (facts) => {
        const condition = child(facts);
        return { type: 'not', result: kleeneNot(condition.result), condition };
      };
    }
    case 'named': {
      const { name, title, citation } = node;
      const child = compileNode(node.child);
      return (facts) => {
        const condition = child(facts);
        return { type: 'named', name, title, citation, result: condition.result, condition };
      };
    }
  }
}
