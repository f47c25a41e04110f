import type { ConditionNode, Program } from '../../model/program';
import { slotOfFact } from '../prepareFacts';

/** A distinct condition of the program: structurally equal conditions, wherever they occur, are one `Shared`. */
export interface Shared {
  readonly id: number;
  readonly node: ConditionNode;
  readonly children: readonly Shared[];
  /** How many places (rule and note roots, and children of distinct conditions) refer to it. */
  uses: number;
}

/** The program's conditions, shared: each rule's and note's root, and how many distinct conditions there are. */
export interface SharedConditions {
  readonly ruleRoots: readonly Shared[];
  readonly noteRoots: readonly Shared[];
  /** The number of distinct conditions; their ids run from 0 to `size - 1`. */
  readonly size: number;
}

/**
 * Finds the distinct conditions of a program: structurally equal conditions (a named condition used by several rules
 * and notes, or the same comparison written twice) become one `Shared`, so they can be evaluated once per transaction.
 */
export function shareConditions(program: Program): SharedConditions {
  const distinct = new Map<string, Shared>();
  const share = (node: ConditionNode): Shared => {
    const children = childrenOf(node).map(share);
    const key = keyOf(node, children);
    let shared = distinct.get(key);
    if (shared === undefined) {
      shared = { id: distinct.size, node, children, uses: 0 };
      distinct.set(key, shared);
    }
    return shared;
  };
  const ruleRoots = program.rules.map((rule) => share(rule.condition));
  const noteRoots = program.notes.map((note) => share(note.condition));
  for (const root of [...ruleRoots, ...noteRoots]) root.uses++;
  for (const shared of distinct.values()) for (const child of shared.children) child.uses++;
  return { ruleRoots, noteRoots, size: distinct.size };
}

/** The slots of the facts a condition reads, in ascending order. */
export function slotsRead(root: Shared, slotOf: ReadonlyMap<string, number>): readonly number[] {
  const read = new Set<number>();
  const visit = (shared: Shared) => {
    if (shared.node.type === 'fact') {
      read.add(slotOfFact(slotOf, shared.node.fact));
    }
    for (const child of shared.children) visit(child);
  };
  visit(root);
  return [...read].sort((a, b) => a - b);
}

function childrenOf(node: ConditionNode): readonly ConditionNode[] {
  switch (node.type) {
    case 'fact':
      return [];
    case 'all':
    case 'any':
      return node.children;
    case 'not':
    case 'named':
      return [node.child];
  }
}

/** Equal keys mean equal traces for every transaction (`ask` only guides questions, so it is not part of the key). */
function keyOf(node: ConditionNode, children: readonly Shared[]): string {
  const ids = children.map((child) => child.id).join(',');
  switch (node.type) {
    case 'fact':
      return JSON.stringify(['fact', node.fact, node.operator, node.expected, node.threshold ?? null]);
    case 'all':
    case 'any':
    case 'not':
      return `${node.type}(${ids})`;
    case 'named':
      return `${JSON.stringify(['named', node.name])}(${ids})`;
  }
}
