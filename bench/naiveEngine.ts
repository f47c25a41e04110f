import { Engine, type Almanac, type TopLevelCondition } from 'json-rules-engine';
import type { ConditionDefinition, Derivation, RulesetDocument } from '../src/index';

/**
 * The naive baseline: json-rules-engine used the way its README shows, on the same rules. A default `Engine`
 * (jsonpath `path`s, per-run fact caching, one engine reused for sequential runs); the transaction's top-level
 * fields as runtime facts with a jsonpath `path` for each nested field; named conditions as the engine's shared
 * conditions (`setCondition`); derived facts as dynamic facts computed from other facts through the almanac; the
 * four operators json-rules-engine lacks (`atLeast`, `below`, `containsAny`, `containsNone`) added with
 * `addOperator`; the ruleset's notes as rules too, as `assess` evaluates them. The outcome is that of the
 * highest-precedence rule whose event fired, else the fallback's.
 *
 * It is two-valued, as json-rules-engine is: an unknown (absent or `null`) field simply fails its comparisons.
 * It therefore does less than `assess` (no unknown results, no questions, no trace beyond the engine's own
 * annotated conditions), which favours the baseline in the comparison.
 */
export interface NaiveEngine {
  decide(transaction: Readonly<Record<string, unknown>>): Promise<string>;
}

/** A condition in json-rules-engine's grammar (its own type for nested conditions is not exported). */
type EngineCondition = TopLevelCondition | { fact: string; path?: string; operator: string; value: unknown };

/** The top-level transaction fields, always passed as runtime facts (an absent one as `undefined`). */
const TOP_LEVEL_FIELDS = [
  'activity',
  'exporter',
  'destination',
  'item',
  'endUser',
  'parties',
  'redFlags',
  'findings',
  'dueDiligence',
] as const;

export function createNaiveEngine(document: RulesetDocument): NaiveEngine {
  const engine = new Engine();
  const facts = document.facts ?? {};
  const thresholds = document.thresholds ?? {};
  const catalogues = new Map(
    Object.entries(document.catalogues ?? {}).map(([id, catalogue]) => [
      id,
      new Map(catalogue.entries.map((entry) => [entry.id, entry])),
    ]),
  );
  const rank = new Map(
    Object.values(document.scales ?? {}).flatMap((scale) =>
      scale.levels.map((level, index) => [level.id, index] as const),
    ),
  );
  const precedence = new Map(
    Object.entries(document.outcomes ?? {}).map(([outcome, definition]) => [outcome, definition.precedence]),
  );

  engine.addOperator(
    'atLeast',
    (actual: unknown, expected: unknown) =>
      rank.has(actual as string) && (rank.get(actual as string) as number) >= (rank.get(expected as string) as number),
  );
  engine.addOperator(
    'below',
    (actual: unknown, expected: unknown) =>
      rank.has(actual as string) && (rank.get(actual as string) as number) < (rank.get(expected as string) as number),
  );
  engine.addOperator(
    'containsAny',
    (actual: unknown, expected: unknown) =>
      Array.isArray(actual) && (expected as unknown[]).some((value) => actual.includes(value)),
  );
  engine.addOperator(
    'containsNone',
    (actual: unknown, expected: unknown) =>
      Array.isArray(actual) && !(expected as unknown[]).some((value) => actual.includes(value)),
  );

  /** A fact reference: a derived fact by its id, a transaction field as its top-level fact plus a jsonpath. */
  const reference = (factId: string): { fact: string; path?: string } => {
    if (facts[factId]?.derive !== undefined) return { fact: factId };
    const [head, ...rest] = factId.split('.');
    return rest.length === 0 ? { fact: head as string } : { fact: head as string, path: `$.${rest.join('.')}` };
  };
  const read = (almanac: Almanac, factId: string): Promise<unknown> => {
    const { fact, path } = reference(factId);
    return almanac.factValue(fact, {}, path);
  };
  const translate = (condition: ConditionDefinition): EngineCondition => {
    if ('all' in condition) return { all: condition.all.map(translate) } as TopLevelCondition;
    if ('any' in condition) return { any: condition.any.map(translate) } as TopLevelCondition;
    if ('not' in condition) return { not: translate(condition.not) } as TopLevelCondition;
    if ('condition' in condition) return { condition: condition.condition };
    const value =
      typeof condition.value === 'object' && condition.value !== null && !Array.isArray(condition.value)
        ? thresholds[(condition.value as { threshold: string }).threshold]?.value
        : condition.value;
    return { ...reference(condition.fact), operator: condition.operator, value };
  };
  const topLevel = (condition: ConditionDefinition): TopLevelCondition => {
    const translated = translate(condition);
    return (
      'all' in translated || 'any' in translated || 'not' in translated || 'condition' in translated
        ? translated
        : { all: [translated] }
    ) as TopLevelCondition;
  };

  for (const [name, condition] of Object.entries(document.conditions ?? {}))
    engine.setCondition(name, topLevel(condition.when));
  for (const [factId, fact] of Object.entries(facts)) {
    const derivation = fact.derive;
    if (derivation !== undefined)
      engine.addFact(factId, (_params: unknown, almanac: Almanac) => derive(derivation, almanac));
  }
  for (const rule of document.rules ?? []) {
    engine.addRule({
      name: rule.id,
      conditions: topLevel(rule.when),
      event: { type: 'rule', params: { outcome: rule.outcome, precedence: precedence.get(rule.outcome) } },
    });
  }
  // The ruleset's notes are rules too: `assess` evaluates them, so the baseline does.
  for (const note of document.notes ?? [])
    engine.addRule({
      name: note.id,
      conditions: topLevel(note.when),
      event: { type: 'note', params: { id: note.id } },
    });

  async function derive(derivation: Derivation, almanac: Almanac): Promise<unknown> {
    const known = (value: unknown) => value !== undefined && value !== null;
    switch (derivation.kind) {
      case 'memberOf': {
        const value = await read(almanac, derivation.of);
        return known(value) ? catalogues.get(derivation.catalogue)?.has(value as string) : undefined;
      }
      case 'firstMemberOf': {
        for (const factId of derivation.of) {
          const value = await read(almanac, factId);
          if (!known(value)) return undefined;
          if (catalogues.get(derivation.catalogue)?.has(value as string)) return value;
        }
        return undefined;
      }
      case 'lookup': {
        const key = await read(almanac, derivation.key);
        return known(key)
          ? catalogues.get(derivation.catalogue)?.get(key as string)?.attributes?.[derivation.attribute]
          : undefined;
      }
      case 'count': {
        const value = await read(almanac, derivation.of);
        return known(value) ? (value as unknown[]).length : undefined;
      }
      case 'sum': {
        const ids = await read(almanac, derivation.of);
        if (!known(ids)) return undefined;
        let total = 0;
        for (const id of new Set(ids as string[]))
          total += catalogues.get(derivation.catalogue)?.get(id)?.attributes?.[derivation.attribute] as number;
        return total;
      }
      case 'collect': {
        const ids = await read(almanac, derivation.of);
        if (!known(ids)) return undefined;
        const values = new Set(
          (ids as string[])
            .map((id) => catalogues.get(derivation.catalogue)?.get(id)?.attributes?.[derivation.attribute])
            .filter((value) => typeof value === 'string'),
        );
        return [...values].sort();
      }
      case 'maxLevel': {
        const records = await read(almanac, derivation.of);
        if (!known(records)) return undefined;
        const levels = (document.scales?.[derivation.scale]?.levels ?? []).map((level) => level.id);
        let best = 0;
        for (const record of records as Record<string, string | null | undefined>[]) {
          const where = derivation.where ?? {};
          // The transaction contract's default for a finding's source, as `assess` applies it.
          const field = (name: string) => record[name] ?? (name === 'source' ? 'due-diligence' : undefined);
          if (Object.entries(where).every(([name, allowed]) => allowed.includes(field(name) as string)))
            best = Math.max(best, levels.indexOf(record[derivation.field] as string));
        }
        return levels[best];
      }
    }
  }

  const fallback = document.fallback?.outcome ?? 'no_obligation';
  return {
    async decide(transaction) {
      const runtimeFacts: Record<string, unknown> = {};
      for (const field of TOP_LEVEL_FIELDS) runtimeFacts[field] = transaction[field];
      runtimeFacts['activity'] ??= 'export';
      const { events } = await engine.run(runtimeFacts);
      let best: string = fallback;
      let top = Number.NEGATIVE_INFINITY;
      for (const event of events) {
        if (event.type !== 'rule') continue;
        const { outcome, precedence: rank } = event.params as { outcome: string; precedence: number };
        if (rank > top) {
          top = rank;
          best = outcome;
        }
      }
      return best;
    },
  };
}
