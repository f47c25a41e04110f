import type { Event, RuleProperties, TopLevelCondition } from 'json-rules-engine';
import type { ConditionNode, Program } from '../../model/program';

/**
 * Suffix of the operator variant used under an odd number of `not`s. An unknown fact makes a comparison false,
 * or (with this suffix) true, so that the engine's own two-valued result of every rule is exactly
 * "definitely true" in three-valued (Kleene) logic. The trace's `false`/`unknown` distinction is then read off the
 * engine's per-condition results: a comparison whose fact is unknown is `unknown`.
 */
export const OR_UNKNOWN = '.orUnknown';

/**
 * Prefix of the facts that carry a named condition's result to the rules that use it (`true`, `false`, or `null`
 * for unknown). Ruleset fact ids cannot contain ":", so these never clash with a ruleset's facts.
 */
export const NAMED_RESULT = 'condition:';

/** One engine rule: a named condition (evaluated first, once per run), or a rule or note of the program. */
export interface EngineEntry {
  readonly condition: ConditionNode;
  /** For a named condition: its name. */
  readonly named?: string;
  /** Whether the condition had to be wrapped in an `all` (a comparison cannot be the root of an engine rule). */
  readonly wrapped: boolean;
  /** For the one engine rule that evaluates every note: its `all` holds one condition per note. */
  readonly notes?: boolean;
  readonly properties: RuleProperties;
}

/**
 * Most engine rules one json-rules-engine run evaluates. A run keeps every rule's result, deep copy and promises alive
 * until it ends, which makes the garbage collector's work per rule grow with the number of rules; a larger program is
 * therefore evaluated in consecutive runs (the named conditions, which come first, in the first run; their results
 * reach later runs through the almanacs), each read as soon as it ends.
 */
const RULES_PER_RUN = 100;

/** The engine rules, with their positions, in consecutive runs of at most `RULES_PER_RUN`. */
export function runsOf(entries: readonly EngineEntry[]): { readonly entry: EngineEntry; readonly index: number }[][] {
  const runs: { readonly entry: EngineEntry; readonly index: number }[][] = [];
  entries.forEach((entry, index) => {
    if (index % RULES_PER_RUN === 0) runs.push([]);
    (runs[runs.length - 1] as { entry: EngineEntry; index: number }[]).push({ entry, index });
  });
  return runs;
}

/**
 * The engine rules: first each named condition (those used by other named conditions at higher priority, so they
 * run before), then the program's rules at priority 1, then one rule at priority 1 that evaluates every note.
 */
export function translateProgram(program: Program): EngineEntry[] {
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
