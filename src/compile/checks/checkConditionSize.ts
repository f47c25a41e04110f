import type { Issue, IssuePath } from '../../errors/issue';
import type { ConditionDefinition, NamedConditionDefinition } from '../../types/ruleset';
import { conditionRoots, type RulesetContext } from '../rulesetContext';
import { namedConditionReferences, orderNamedConditions } from './conditionGraph';

/**
 * Limits on condition trees as evaluation sees them: with every named condition written out in place.
 * Names let a small document describe a huge tree (each of 30 names used twice by the next is 2^30 comparisons),
 * so the document limits alone do not bound the work of compiling and evaluating it; these do.
 */
export const CONDITION_LIMITS = {
  /** Most nodes (groups, negations, references and comparisons) in one rule's, note's or named condition's tree. */
  maxNodesPerTree: 5_000,
  /** Most nodes in all rules' and notes' trees together. */
  maxNodesTotal: 100_000,
  /** Deepest nesting of one tree, counting each group, negation and reference as a level. */
  maxDepth: 64,
} as const;

interface TreeSize {
  readonly nodes: number;
  readonly depth: number;
}

/**
 * Measures every condition tree with named conditions written out, without writing them out: each named condition
 * is measured once, after the ones it refers to. Trees that depend on a cycle of names are left to the cycle check.
 */
export function checkConditionSize({ document }: RulesetContext): Issue[] {
  const named = document.conditions ?? {};
  const { ordered } = orderNamedConditions(namedConditionReferences(document));
  const sizes = new Map<string, TreeSize>();
  for (const name of ordered)
    sizes.set(name, measure((named[name] as NamedConditionDefinition).when, sizes) as TreeSize);

  const issues: Issue[] = [];
  let total = 0;
  for (const { node, path } of conditionRoots(document)) {
    const size = path[0] === 'conditions' ? sizes.get(path[1] as string) : measure(node, sizes);
    if (size === undefined) continue;
    if (path[0] !== 'conditions') total += size.nodes;
    issues.push(...treeIssues(size, path));
  }
  if (total > CONDITION_LIMITS.maxNodesTotal) {
    issues.push({
      path: [],
      code: 'conditions_too_large',
      limit: CONDITION_LIMITS.maxNodesTotal,
      size: countForIssue(total),
      message:
        `The rules and notes hold ${describe(total)} condition nodes with named conditions written ` +
        `out; at most ${CONDITION_LIMITS.maxNodesTotal} are allowed.`,
    });
  }
  return issues;
}

function treeIssues(size: TreeSize, path: IssuePath): Issue[] {
  const issues: Issue[] = [];
  if (size.nodes > CONDITION_LIMITS.maxNodesPerTree) {
    issues.push({
      path,
      code: 'condition_too_large',
      limit: CONDITION_LIMITS.maxNodesPerTree,
      size: countForIssue(size.nodes),
      message:
        `This condition has ${describe(size.nodes)} nodes with its named conditions written out; at ` +
        `most ${CONDITION_LIMITS.maxNodesPerTree} are allowed.`,
    });
  }
  if (size.depth > CONDITION_LIMITS.maxDepth) {
    issues.push({
      path,
      code: 'condition_too_deep',
      limit: CONDITION_LIMITS.maxDepth,
      size: countForIssue(size.depth),
      message:
        `This condition nests ${describe(size.depth)} levels deep with its named conditions written ` +
        `out; at most ${CONDITION_LIMITS.maxDepth} are allowed.`,
    });
  }
  return issues;
}

/** The size of a tree with references written out, or `undefined` when it refers to a condition not measured (undeclared or cyclic). */
function measure(node: ConditionDefinition, sizes: ReadonlyMap<string, TreeSize>): TreeSize | undefined {
  if ('condition' in node) {
    const referenced = sizes.get(node.condition);
    return referenced === undefined ? undefined : { nodes: referenced.nodes + 1, depth: referenced.depth + 1 };
  }
  const children = 'all' in node ? node.all : 'any' in node ? node.any : 'not' in node ? [node.not] : [];
  let nodes = 1;
  let depth = 0;
  for (const child of children) {
    const size = measure(child, sizes);
    if (size === undefined) return undefined;
    nodes += size.nodes;
    depth = Math.max(depth, size.depth);
  }
  return { nodes, depth: depth + 1 };
}

/** A count as an issue's `size` holds it: exact up to 2^53, capped there (JSON has no infinity). */
function countForIssue(count: number): number {
  return Math.min(count, Number.MAX_SAFE_INTEGER);
}

/** A count as people read it; counts beyond 2^53 are only approximate, which is all a refusal needs. */
function describe(count: number): string {
  return Number.isFinite(count) && count < 1e15
    ? count.toLocaleString('en')
    : `more than ${(1e15).toLocaleString('en')}`;
}
