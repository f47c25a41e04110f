import { kleeneAll, kleeneAny, kleeneNot } from '../../model/kleene';
import type { ComparisonNode, ConditionNode, Program, ProgramRule } from '../../model/program';
import type { TruthValue } from '../../types/assessment';

/** Whether a rule can decide an outcome, as far as the analysis can tell. */
export type Reachability =
  | { readonly kind: 'reachable' }
  | { readonly kind: 'never_holds' }
  | { readonly kind: 'always_covered'; readonly by: readonly string[] }
  | { readonly kind: 'undetermined' };

/** Most assignments tried per rule before giving up (and reporting nothing). */
const BUDGET = 200_000;
const OTHER = '\u0000other';

/**
 * A variable of the analysis: a scalar fact with the values that behave differently in the ruleset's comparisons,
 * or one membership (`list contains value`) of a list fact.
 */
interface Variable {
  readonly key: string;
  readonly values: readonly unknown[];
}

/**
 * For each rule: can some set of facts make it hold while no rule of higher precedence holds (so that it decides)?
 * Facts are treated as independent of each other (derived facts included), which can only make more combinations
 * possible than real transactions allow: a rule reported unreachable is unreachable for every transaction.
 * Each fact ranges over representative values: the values conditions name (plus "any other"), a scale's levels,
 * numbers on either side of each threshold. A search that exceeds its budget reports `undetermined`.
 */
export function analyseReachability(program: Program): Reachability[] {
  const variables = collectVariables(program);
  return program.rules.map((rule) => {
    const higher = program.rules.filter((other) => other.precedence > rule.precedence);
    return search(rule, higher, variables);
  });
}

function search(
  rule: ProgramRule,
  higher: readonly ProgramRule[],
  variables: ReadonlyMap<string, Variable>,
): Reachability {
  const holds = findAssignment(rule, [], variables);
  if (holds.result !== true) return holds.result === 'budget' ? { kind: 'undetermined' } : { kind: 'never_holds' };
  const decides = findAssignment(rule, higher, variables);
  if (decides.result === 'budget') return { kind: 'undetermined' };
  return decides.result ? { kind: 'reachable' } : { kind: 'always_covered', by: decides.covering };
}

/** Depth-first search for facts that make `rule` hold and every rule in `higher` fail, pruning on partial (Kleene) results. */
function findAssignment(
  rule: ProgramRule,
  higher: readonly ProgramRule[],
  variables: ReadonlyMap<string, Variable>,
): { result: boolean | 'budget'; covering: string[] } {
  const relevant = [...new Set([rule, ...higher].flatMap((entry) => variableKeys(entry.condition)))].map(
    (key) => variables.get(key) as Variable,
  );
  // Decide the target's own facts first: it prunes hardest.
  const own = new Set(variableKeys(rule.condition));
  relevant.sort((a, b) => Number(own.has(b.key)) - Number(own.has(a.key)));
  const assignment = new Map<string, unknown>();
  const covering = new Set<string>();
  let steps = 0;

  const visit = (index: number): boolean | 'budget' => {
    if (++steps > BUDGET) return 'budget';
    const target = evaluate(rule.condition, assignment);
    if (target === 'false') return false;
    const holding = higher.filter((other) => evaluate(other.condition, assignment) === 'true');
    if (holding.length > 0) {
      for (const other of holding) covering.add(other.id);
      return false;
    }
    if (target === 'true' && higher.every((other) => evaluate(other.condition, assignment) === 'false')) return true;
    const variable = relevant[index];
    if (variable === undefined) return false;
    for (const value of variable.values) {
      assignment.set(variable.key, value);
      const found = visit(index + 1);
      if (found !== false) return found;
    }
    assignment.delete(variable.key);
    return false;
  };
  return { result: visit(0), covering: [...covering] };
}

function evaluate(node: ConditionNode, assignment: ReadonlyMap<string, unknown>): TruthValue {
  switch (node.type) {
    case 'all':
      return kleeneAll(node.children.map((child) => evaluate(child, assignment)));
    case 'any':
      return kleeneAny(node.children.map((child) => evaluate(child, assignment)));
    case 'not':
      return kleeneNot(evaluate(node.child, assignment));
    case 'named':
      return evaluate(node.child, assignment);
    case 'fact':
      return compare(node, assignment);
  }
}

function compare(node: ComparisonNode, assignment: ReadonlyMap<string, unknown>): TruthValue {
  const membership = (value: unknown): TruthValue => {
    const key = membershipKey(node.fact, value);
    return assignment.has(key) ? (assignment.get(key) === true ? 'true' : 'false') : 'unknown';
  };
  switch (node.operator) {
    case 'contains':
      return membership(node.expected);
    case 'doesNotContain':
      return kleeneNot(membership(node.expected));
    case 'containsAny':
      return kleeneAny((node.expected as readonly unknown[]).map(membership));
    case 'containsNone':
      return kleeneNot(kleeneAny((node.expected as readonly unknown[]).map(membership)));
    default: {
      if (!assignment.has(node.fact)) return 'unknown';
      return node.test(assignment.get(node.fact) as never, node.expected) ? 'true' : 'false';
    }
  }
}

const LIST_OPERATORS = new Set(['contains', 'doesNotContain', 'containsAny', 'containsNone']);

function variableKeys(node: ConditionNode): string[] {
  switch (node.type) {
    case 'all':
    case 'any':
      return node.children.flatMap(variableKeys);
    case 'not':
    case 'named':
      return variableKeys(node.child);
    case 'fact':
      return LIST_OPERATORS.has(node.operator)
        ? listValues(node).map((value) => membershipKey(node.fact, value))
        : [node.fact];
  }
}

function listValues(node: ComparisonNode): unknown[] {
  return node.operator === 'containsAny' || node.operator === 'containsNone'
    ? [...(node.expected as readonly unknown[])]
    : [node.expected];
}

function membershipKey(fact: string, value: unknown): string {
  return `${fact}\u0000contains\u0000${String(value)}`;
}

/** Every variable the rules' conditions read, with its representative values. */
function collectVariables(program: Program): Map<string, Variable> {
  const comparisons = new Map<string, ComparisonNode[]>();
  const walk = (node: ConditionNode): void => {
    if (node.type === 'fact') comparisons.set(node.fact, [...(comparisons.get(node.fact) ?? []), node]);
    else if (node.type === 'all' || node.type === 'any') node.children.forEach(walk);
    else if (node.type === 'not' || node.type === 'named') walk(node.child);
  };
  for (const rule of program.rules) walk(rule.condition);

  const variables = new Map<string, Variable>();
  for (const [fact, nodes] of comparisons) {
    for (const node of nodes.filter((entry) => LIST_OPERATORS.has(entry.operator))) {
      for (const value of listValues(node))
        variables.set(membershipKey(fact, value), { key: membershipKey(fact, value), values: [true, false] });
    }
    const scalar = nodes.filter((entry) => !LIST_OPERATORS.has(entry.operator));
    if (scalar.length === 0) continue;
    variables.set(fact, { key: fact, values: representatives(program, fact, scalar) });
  }
  return variables;
}

/** Values of a scalar fact that, between them, give every combination of results its comparisons can have. */
function representatives(program: Program, fact: string, nodes: readonly ComparisonNode[]): unknown[] {
  const type = program.factsById.get(fact)?.type;
  if (type === 'boolean') return [true, false];
  if (type === 'level') {
    const derive = program.factsById.get(fact)?.derive;
    return derive?.kind === 'maxLevel' ? [...(program.scales.get(derive.scale) ?? [])] : [...program.levelRank.keys()];
  }
  const named = nodes.flatMap((node) => (Array.isArray(node.expected) ? node.expected : [node.expected]));
  if (type === 'number') {
    const points = [...new Set(named.filter((value): value is number => typeof value === 'number'))].sort(
      (a, b) => a - b,
    );
    if (points.length === 0) return [0];
    const between = points.slice(1).map((point, index) => ((points[index] as number) + point) / 2);
    return [(points[0] as number) - 1, ...points, ...between, (points.at(-1) as number) + 1];
  }
  return [...new Set(named), OTHER];
}
