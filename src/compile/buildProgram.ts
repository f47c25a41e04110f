import { citationResolver } from '../model/citations';
import { createOperatorTests } from '../model/operators';
import type { ConditionNode, Program, ProgramFact, ProgramOutcome } from '../model/program';
import { UNDECIDED_OUTCOME, type Outcome } from '../types/outcome';
import type { CitationDefinition, ConditionDefinition, RulesetDocument } from '../types/ruleset';
import { conditionRange } from './conditionRange';
import { derivationInputs } from './derivationInputs';
import type { RulesetContext } from './rulesetContext';

/**
 * Turns a valid, composed ruleset document into the structures evaluation reads. Assumes every check passed.
 * `context` is the one the checks read, over the same document.
 */
export function buildProgram(document: RulesetDocument, context: RulesetContext): Program {
  const cite = citationResolver(document.sources);
  const citeAll = (citations: readonly CitationDefinition[] | undefined) => Object.freeze((citations ?? []).map(cite));
  const scales = new Map(
    Object.entries(document.scales ?? {}).map(([id, scale]) => [id, scale.levels.map((level) => level.id)]),
  );
  const levelRank = new Map(
    [...scales.values()].flatMap((levels) => levels.map((level, rank) => [level, rank] as const)),
  );
  const tests = createOperatorTests(levelRank);

  const factList: ProgramFact[] = Object.entries(document.facts ?? {}).map(([id, fact]) => ({
    id,
    title: fact.title,
    prompt: fact.prompt,
    type: fact.type,
    citation: cite(fact.citation),
    ...(fact.derive === undefined ? {} : { derive: fact.derive }),
    inputs: fact.derive === undefined ? [] : derivationInputs(fact.derive),
  }));
  const factsById = new Map(factList.map((fact) => [fact.id, fact]));

  const named = document.conditions ?? {};
  const thresholds = document.thresholds ?? {};
  const toNode = (condition: ConditionDefinition): ConditionNode => {
    if ('all' in condition) return { type: 'all', children: condition.all.map(toNode) };
    if ('any' in condition) return { type: 'any', children: condition.any.map(toNode) };
    if ('not' in condition) return { type: 'not', child: toNode(condition.not) };
    if ('condition' in condition) {
      const definition = named[condition.condition];
      if (definition === undefined) throw new Error(`Unchecked reference to condition ${condition.condition}`);
      return {
        type: 'named',
        name: condition.condition,
        title: definition.title,
        citation: cite(definition.citation),
        child: toNode(definition.when),
      };
    }
    const thresholdId =
      typeof condition.value === 'object' && !Array.isArray(condition.value)
        ? (condition.value as { threshold: string }).threshold
        : undefined;
    return {
      type: 'fact',
      fact: condition.fact,
      operator: condition.operator,
      expected: thresholdId === undefined ? condition.value : thresholds[thresholdId]?.value,
      ...(thresholdId === undefined ? {} : { threshold: thresholdId }),
      ask: condition.ask === true,
      test: tests[condition.operator],
    };
  };

  const duties = new Map(
    Object.entries(document.duties ?? {}).map(([id, duty]) => [
      id,
      Object.freeze({
        id,
        title: duty.title,
        text: duty.text,
        citation: cite(duty.citation),
        seeAlso: citeAll(duty.seeAlso),
      }),
    ]),
  );
  const outcomes = new Map<Outcome, ProgramOutcome>(
    Object.entries(document.outcomes ?? {}).map(([outcome, definition]) => [
      outcome as Outcome,
      {
        precedence: definition.precedence,
        title: definition.title,
        nextSteps: definition.nextSteps,
        involvesAuthority: definition.involvesAuthority === true,
        duties: Object.freeze(
          (definition.duties ?? []).flatMap((id) => {
            const duty = duties.get(id);
            return duty === undefined ? [] : [duty];
          }),
        ),
      },
    ]),
  );
  const precedence = (outcome: Outcome) => outcomes.get(outcome)?.precedence ?? Number.NEGATIVE_INFINITY;
  const catalogues = new Map(
    Object.entries(document.catalogues ?? {}).map(([id, catalogue]) => [
      id,
      new Map(catalogue.entries.map((entry) => [entry.id, entry])),
    ]),
  );
  const fallback = document.fallback;
  const undecided = document.undecided;
  if (fallback === undefined || undecided === undefined)
    throw new Error('Unchecked base ruleset without fallback or undecided outcome');
  const fallbackOutcome = fallback.outcome;
  if (undecided !== UNDECIDED_OUTCOME || fallbackOutcome === UNDECIDED_OUTCOME)
    throw new Error('Unchecked base ruleset whose undecided outcome is not the open one, or is the fallback');
  const authority = document.authority;

  return {
    facts: orderByDependencies(factList, factsById),
    factsById,
    rules: (document.rules ?? []).map((rule) => ({
      id: rule.id,
      title: rule.title,
      summary: rule.summary,
      outcome: rule.outcome,
      precedence: precedence(rule.outcome),
      citation: cite(rule.citation),
      seeAlso: citeAll(rule.seeAlso),
      condition: toNode(rule.when),
      canHold: conditionRange(context, rule.when, { askFalse: false }).highest === 'true',
      ...(rule.extensionPoint === undefined ? {} : { extensionPoint: rule.extensionPoint }),
    })),
    notes: (document.notes ?? []).map((note) => ({
      id: note.id,
      text: note.text,
      citation: cite(note.citation),
      seeAlso: citeAll(note.seeAlso),
      condition: toNode(note.when),
    })),
    outcomes,
    undecided,
    fallback: {
      rule: fallback.id,
      outcome: fallbackOutcome,
      summary: fallback.summary,
      citation: cite(fallback.citation),
      seeAlso: citeAll(fallback.seeAlso),
    },
    ...(authority === undefined
      ? {}
      : {
          authority: {
            memberStateFact: authority.memberStateFact,
            whenUndecided: authority.whenUndecided === true,
            byMemberState: new Map(
              (document.catalogues?.[authority.catalogue]?.entries ?? []).map((entry) => {
                const name = entry.attributes?.[authority.nameAttribute];
                // The name's own source where the entry gives one (the entry may cite several attributes apart).
                const nameCitation =
                  entry.attributeCitations !== undefined &&
                  Object.hasOwn(entry.attributeCitations, authority.nameAttribute)
                    ? entry.attributeCitations[authority.nameAttribute]
                    : undefined;
                return [
                  entry.id,
                  Object.freeze({
                    memberState: entry.id,
                    ...(typeof name === 'string' ? { name } : {}),
                    citation: cite(nameCitation ?? entry.citation),
                  }),
                ];
              }),
            ),
          },
        }),
    catalogues,
    scales,
    levelRank,
    tests,
  };
}

/** Input facts first, then derived facts so that each comes after every fact it reads (the checks exclude cycles). */
function orderByDependencies(facts: readonly ProgramFact[], byId: ReadonlyMap<string, ProgramFact>): ProgramFact[] {
  const ordered: ProgramFact[] = [];
  const placed = new Set<string>();
  const place = (fact: ProgramFact) => {
    if (placed.has(fact.id)) return;
    placed.add(fact.id);
    for (const input of fact.inputs) {
      const dependency = byId.get(input);
      if (dependency !== undefined) place(dependency);
    }
    ordered.push(fact);
  };
  for (const fact of facts) if (fact.derive === undefined) place(fact);
  for (const fact of facts) place(fact);
  return ordered;
}
