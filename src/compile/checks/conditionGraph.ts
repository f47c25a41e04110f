import type { ConditionDefinition, RulesetDocument } from '../../types/ruleset';
import { walkCondition } from '../rulesetContext';

/**
 * The named conditions each named condition refers to directly (declared ones only, in order of first reference).
 * Built without following references, so it costs one walk of each tree however the names nest.
 */
export function namedConditionReferences(document: RulesetDocument): ReadonlyMap<string, readonly string[]> {
  const named = document.conditions ?? {};
  return new Map(Object.entries(named).map(([name, condition]) => [name, declaredReferences(condition.when, named)]));
}

/** The declared named conditions a condition tree refers to directly. */
export function declaredReferences(root: ConditionDefinition, named: Readonly<Record<string, unknown>>): string[] {
  const found = new Set<string>();
  for (const { node } of walkCondition(root, []))
    if ('condition' in node && Object.hasOwn(named, node.condition)) found.add(node.condition);
  return [...found];
}

/**
 * The named conditions in an order where each comes after every condition it refers to, and those that lie on or
 * depend on a cycle (which have no such place). Iterative, so a long chain of names cannot overflow the stack.
 */
export function orderNamedConditions(references: ReadonlyMap<string, readonly string[]>): {
  readonly ordered: readonly string[];
  readonly unordered: ReadonlySet<string>;
} {
  const remaining = new Map([...references].map(([name, refs]) => [name, new Set(refs)]));
  const dependents = new Map<string, string[]>();
  for (const [name, refs] of references) {
    for (const ref of refs) {
      const list = dependents.get(ref);
      if (list === undefined) dependents.set(ref, [name]);
      else list.push(name);
    }
  }
  const ready = [...remaining].filter(([, refs]) => refs.size === 0).map(([name]) => name);
  const ordered: string[] = [];
  while (ready.length > 0) {
    const name = ready.pop() as string;
    ordered.push(name);
    for (const dependent of dependents.get(name) ?? []) {
      const refs = remaining.get(dependent) as Set<string>;
      refs.delete(name);
      if (refs.size === 0) ready.push(dependent);
    }
  }
  const placed = new Set(ordered);
  return { ordered, unordered: new Set([...references.keys()].filter((name) => !placed.has(name))) };
}

/**
 * Each cycle of references among named conditions, as the trail of names that closes it (`a → b → a` is
 * `['a', 'b', 'a']`), found by an iterative depth-first search from each name in declaration order.
 */
export function findReferenceCycles(references: ReadonlyMap<string, readonly string[]>): string[][] {
  const state = new Map<string, 'visiting' | 'done'>();
  const cycles: string[][] = [];
  for (const start of references.keys()) {
    if (state.has(start)) continue;
    const trail: { name: string; next: number }[] = [{ name: start, next: 0 }];
    state.set(start, 'visiting');
    while (trail.length > 0) {
      const top = trail[trail.length - 1] as { name: string; next: number };
      const refs = references.get(top.name) ?? [];
      if (top.next >= refs.length) {
        state.set(top.name, 'done');
        trail.pop();
        continue;
      }
      const ref = refs[top.next++] as string;
      if (state.get(ref) === 'visiting') {
        const names = trail.map((entry) => entry.name);
        cycles.push([...names.slice(names.indexOf(ref)), ref]);
      } else if (!state.has(ref)) {
        state.set(ref, 'visiting');
        trail.push({ name: ref, next: 0 });
      }
    }
  }
  return cycles;
}
