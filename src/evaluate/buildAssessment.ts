import type { ConditionNode, Program, ProgramRule } from '../compile/program';
import type {
  Assessment,
  AssessmentNote,
  CompetentAuthority,
  ConditionTrace,
  Obligation,
  Question,
  RulesetReference,
  TraceStep,
} from '../types/assessment';
import type { Outcome } from '../types/outcome';
import type { Evaluation } from './evaluation';
import type { FactValues } from './prepareFacts';

/**
 * Turns an evaluation into an assessment: resolves the outcome by precedence (data in the ruleset), lists what is
 * still possible and what to ask, and attaches notes and the competent authority. Shared by both evaluation paths.
 */
export function buildAssessment(
  program: Program,
  ruleset: RulesetReference,
  facts: FactValues,
  evaluation: Evaluation,
  transactionId: string | undefined,
): Assessment {
  const rules = program.rules.map((rule, index) => ({ rule, step: evaluation.steps[index] as TraceStep }));
  const holding = rules.filter(({ step }) => step.result === 'true');
  const topPrecedence = holding.reduce((top, { rule }) => Math.max(top, rule.precedence), Number.NEGATIVE_INFINITY);
  const deciding = holding.filter(({ rule }) => rule.precedence === topPrecedence);
  const floor: Outcome = deciding[0]?.rule.outcome ?? program.fallback.outcome;
  // Rules still unknown that would win with another outcome if they turned out true (any of them, while none holds).
  const contested = rules.filter(({ rule, step }) => step.result === 'unknown' && rule.precedence > topPrecedence && rule.outcome !== floor);
  const possibleOutcomes = [...new Set([floor, ...contested.map(({ rule }) => rule.outcome)])].sort(
    (a, b) => precedence(program, b) - precedence(program, a),
  );
  const decided = possibleOutcomes.length === 1;
  const outcome = decided ? floor : program.undecided;

  const obligations: Obligation[] = !decided
    ? []
    : deciding.length === 0
      ? [{ rule: program.fallback.rule, outcome: program.fallback.outcome, summary: program.fallback.summary, citation: program.fallback.citation, seeAlso: program.fallback.seeAlso }]
      : deciding.map(({ rule }) => ({ rule: rule.id, outcome: rule.outcome, summary: rule.summary, citation: rule.citation, seeAlso: rule.seeAlso }));

  const involvesAuthority = program.outcomes.get(outcome)?.involvesAuthority === true;
  const questions = collectQuestions(program, facts, decided && outcome === program.undecided ? deciding : [], contested);
  const competentAuthority = involvesAuthority ? findAuthority(program, facts) : undefined;
  if (involvesAuthority && competentAuthority === undefined && program.authority !== undefined) {
    questions.push(...authorityQuestions(program, facts, obligations.map((obligation) => obligation.rule)));
  }
  const notes: AssessmentNote[] = program.notes.flatMap((note, index) =>
    evaluation.notes[index] === 'true' ? [{ id: note.id, text: note.text, citation: note.citation, seeAlso: note.seeAlso }] : [],
  );

  return {
    outcome,
    possibleOutcomes,
    nextSteps: program.outcomes.get(outcome)?.nextSteps ?? '',
    obligations,
    questions,
    ...(competentAuthority === undefined ? {} : { competentAuthority }),
    notes,
    trace: evaluation.steps,
    ruleset,
    ...(transactionId === undefined ? {} : { transactionId }),
  };
}

/**
 * What to ask: for each contested rule, the unknown comparisons that its result depends on (reached through
 * unknown groups only); for a rule that decides the undecided outcome, its `ask` comparisons that are not false.
 * A derived fact is asked through the unknown inputs it depends on; when all of those are known (its value depends
 * on data the ruleset marks unknown, e.g. national law), the derived fact itself is asked.
 */
function collectQuestions(program: Program, facts: FactValues, pending: readonly RuleResult[], contested: readonly RuleResult[]): Question[] {
  const byFact = new Map<string, string[]>();
  const ask = (factId: string, rule: string) => {
    for (const asked of unknownInputs(program, facts, factId)) {
      const rules = byFact.get(asked) ?? [];
      if (!rules.includes(rule)) rules.push(rule);
      byFact.set(asked, rules);
    }
  };
  for (const { rule, step } of pending) {
    visitComparisons(step.conditions, rule.condition, (trace, marked) => {
      if (marked && trace.result !== 'false') ask(trace.fact, rule.id);
    });
  }
  const ordered = [...contested].sort((a, b) => b.rule.precedence - a.rule.precedence);
  for (const { rule, step } of ordered) for (const factId of undecidedFacts(step.conditions)) ask(factId, rule.id);

  return [...byFact].map(([factId, rules]) => toQuestion(program, factId, rules));
}

function toQuestion(program: Program, factId: string, rules: readonly string[]): Question {
  const fact = program.factsById.get(factId);
  return { fact: factId, prompt: fact?.prompt ?? factId, citation: fact?.citation ?? program.fallback.citation, rules };
}

/** The facts of the unknown comparisons that an unknown condition's result depends on. */
function undecidedFacts(trace: ConditionTrace): string[] {
  if (trace.result !== 'unknown') return [];
  switch (trace.type) {
    case 'fact':
      return [trace.fact];
    case 'all':
    case 'any':
      return trace.conditions.flatMap(undecidedFacts);
    case 'not':
    case 'named':
      return undecidedFacts(trace.condition);
  }
}

/** Walks a trace and its program tree together, calling `visit` for each comparison with its `ask` marker. */
function visitComparisons(
  trace: ConditionTrace,
  node: ConditionNode,
  visit: (trace: Extract<ConditionTrace, { type: 'fact' }>, ask: boolean) => void,
): void {
  if (trace.type === 'fact' && node.type === 'fact') visit(trace, node.ask);
  else if ((trace.type === 'all' || trace.type === 'any') && (node.type === 'all' || node.type === 'any')) {
    trace.conditions.forEach((child, index) => visitComparisons(child, node.children[index] as typeof node, visit));
  } else if ((trace.type === 'not' || trace.type === 'named') && (node.type === 'not' || node.type === 'named')) {
    visitComparisons(trace.condition, node.child, visit);
  }
}

/** The input facts (transitively) behind an unknown fact that are themselves unknown; the fact itself if there are none. */
function unknownInputs(program: Program, facts: FactValues, factId: string): string[] {
  const fact = program.factsById.get(factId);
  if (fact === undefined || fact.inputs.length === 0) return [factId];
  const found = fact.inputs.filter((input) => (facts.get(input) ?? null) === null).flatMap((input) => unknownInputs(program, facts, input));
  return found.length === 0 ? [factId] : [...new Set(found)];
}

/** When the outcome involves an authority whose member state is not known yet, what to ask to name it. */
function authorityQuestions(program: Program, facts: FactValues, rules: readonly string[]): Question[] {
  const factId = program.authority?.memberStateFact;
  if (factId === undefined) return [];
  return unknownInputs(program, facts, factId).map((asked) => toQuestion(program, asked, rules));
}

function findAuthority(program: Program, facts: FactValues): CompetentAuthority | undefined {
  const authority = program.authority;
  if (authority === undefined) return undefined;
  const memberState = facts.get(authority.memberStateFact);
  return typeof memberState === 'string' ? authority.byMemberState.get(memberState) : undefined;
}

function precedence(program: Program, outcome: Outcome): number {
  return program.outcomes.get(outcome)?.precedence ?? Number.NEGATIVE_INFINITY;
}

/** A rule of the program with its evaluated trace step. */
interface RuleResult {
  readonly rule: ProgramRule;
  readonly step: TraceStep;
}
