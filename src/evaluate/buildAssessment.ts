import type { Evaluation } from '../model/evaluation';
import type { ConditionNode, Program } from '../model/program';
import { resolveOutcome, type OutcomeRules } from '../model/resolveOutcome';
import type {
  Assessment,
  AssessmentNote,
  CompetentAuthority,
  ConditionTrace,
  FactValue,
  Obligation,
  Question,
  RulesetReference,
  TraceStep,
  TruthValue,
} from '../types/assessment';
import type { Outcome } from '../types/outcome';
import { TupleNumbers } from './numberTables';
import { slotOfFact, type FactValues } from './prepareFacts';

/** The parts of an assessment that depend only on the ruleset, made once per ruleset (by its runtime) and shared. */
export interface AssessmentParts {
  readonly program: Program;
  /** Identifies the ruleset in every assessment. */
  readonly ruleset: RulesetReference;
  /** The obligation each rule imposes when it decides the outcome, by rule index. */
  readonly obligations: readonly Obligation[];
  /** Each note as it appears in an assessment, by note index. */
  readonly notes: readonly AssessmentNote[];
  /** What the outcome rule reads of the program. */
  readonly outcomeRules: OutcomeRules;
  /** The slots of each fact's direct inputs (none for an input fact), by slot. */
  readonly inputSlots: readonly (readonly number[])[];
  /** Frozen lists that many assessments share: the one-outcome lists, the one-obligation lists by rule index. */
  readonly onlyOutcome: ReadonlyMap<Outcome, readonly Outcome[]>;
  readonly onlyObligation: readonly (readonly Obligation[])[];
  readonly onlyFallback: readonly Obligation[];
  /** The lists of notes that hold, shared: numbered by which notes hold (a 0/1 tuple by note index). */
  readonly noteLists: TupleNumbers;
  readonly noteListsByNumber: (readonly AssessmentNote[])[];
  /** Scratch for that tuple: an assessment is built synchronously, never re-entered. */
  readonly holding: Int32Array;
  /** Each declared fact's slot, which numbers questions together with the indexes of the rules asking. */
  readonly factIndex: ReadonlyMap<string, number>;
  /**
   * The slots of the undecided facts of each frozen (shared, immutable) trace, found once. Per program, since slots
   * are: a trace shared between programs would otherwise find the other program's slots.
   */
  readonly undecidedSlots: WeakMap<ConditionTrace, readonly number[]>;
  /** Scratch for one assessment's questions: the rules asking each fact, by slot (emptied after each assessment). */
  readonly rulesAsking: (number[] | undefined)[];
  /** Shared questions, numbered by (fact index, rule indexes…) in a table per tuple length. */
  readonly questionTables: TupleNumbers[];
  readonly questions: Question[];
  /** Scratch for that tuple, long enough for every rule asking. */
  readonly askedBy: Int32Array;
}

/** Most distinct questions a ruleset keeps for sharing; past it, an assessment gets questions of its own. */
const SHARED_QUESTIONS = 4096;

/** Most distinct lists of notes a ruleset keeps for sharing; past it, an assessment gets a list of its own. */
const SHARED_NOTE_LISTS = 4096;
const NONE_OBLIGED: readonly Obligation[] = Object.freeze([]);

/**
 * Turns an evaluation into an assessment: resolves the outcome by precedence (data in the ruleset), lists what is
 * still possible and what to ask, and attaches notes and the competent authority. Shared by both evaluation paths.
 */
export function buildAssessment(
  parts: AssessmentParts,
  facts: FactValues,
  evaluation: Evaluation,
  transactionId: string | undefined,
): Assessment {
  const { program, ruleset } = parts;
  const steps = evaluation.steps;
  const resolution = resolveOutcome(parts.outcomeRules, steps);
  const { outcome, decided, deciding, contested } = resolution;
  // One possible outcome: the frozen list of it that every such assessment shares.
  const possibleOutcomes =
    resolution.possibleOutcomes.length < 2
      ? (parts.onlyOutcome.get(outcome) ?? resolution.possibleOutcomes)
      : resolution.possibleOutcomes;

  const obligations: readonly Obligation[] = !decided
    ? NONE_OBLIGED
    : deciding.length === 0
      ? parts.onlyFallback
      : deciding.length === 1
        ? (parts.onlyObligation[deciding[0] as number] as readonly Obligation[])
        : deciding.map((index) => parts.obligations[index] as Obligation);

  const involvesAuthority = program.outcomes.get(outcome)?.involvesAuthority === true;
  const questions = collectQuestions(
    program,
    parts,
    facts,
    steps,
    decided && outcome === program.undecided ? deciding : [],
    contested,
  );
  const competentAuthority = involvesAuthority ? findAuthority(program, facts) : undefined;
  if (involvesAuthority && competentAuthority === undefined && program.authority !== undefined) {
    const rulesAsking = obligations.map((obligation) => obligation.rule);
    const asked: number[] = [];
    visitUnknownInputs(parts, facts.slots, slotOfFact(parts.factIndex, program.authority.memberStateFact), (slot) => {
      if (!asked.includes(slot)) asked.push(slot);
    });
    for (const slot of asked) questions.push(toQuestion(program, factIdAt(program, slot), rulesAsking));
  }
  const notes = notesHolding(parts, evaluation.notes);

  // Two literals rather than conditional spreads (which copy through a temporary object on every call); either way
  // the keys keep the order of the type, which is the order of the JSON that callers write out.
  const nextSteps = program.outcomes.get(outcome)?.nextSteps ?? '';
  const assessment: Writable<Assessment> =
    competentAuthority === undefined
      ? { outcome, possibleOutcomes, nextSteps, obligations, questions, notes, trace: steps, ruleset }
      : {
          outcome,
          possibleOutcomes,
          nextSteps,
          obligations,
          questions,
          competentAuthority,
          notes,
          trace: steps,
          ruleset,
        };
  if (transactionId !== undefined) assessment.transactionId = transactionId;
  return assessment;
}

type Writable<T> = { -readonly [Key in keyof T]: T[Key] };

/** The parts every assessment of a program shares; `slots` are the program's fact slots (see `FactPlan`). */
export function createAssessmentParts(
  program: Program,
  ruleset: RulesetReference,
  slots: ReadonlyMap<string, number>,
): AssessmentParts {
  const { fallback } = program;
  const obligations = program.rules.map((rule) =>
    Object.freeze({
      rule: rule.id,
      outcome: rule.outcome,
      summary: rule.summary,
      citation: rule.citation,
      seeAlso: rule.seeAlso,
    }),
  );
  const fallbackObligation = Object.freeze({
    rule: fallback.rule,
    outcome: fallback.outcome,
    summary: fallback.summary,
    citation: fallback.citation,
    seeAlso: fallback.seeAlso,
  });
  return {
    program,
    ruleset,
    obligations,
    notes: program.notes.map((note) =>
      Object.freeze({ id: note.id, text: note.text, citation: note.citation, seeAlso: note.seeAlso }),
    ),
    outcomeRules: {
      rules: program.rules,
      outcomes: program.outcomes,
      fallback: fallback.outcome,
      undecided: program.undecided,
    },
    inputSlots: program.facts.map((fact) => fact.inputs.map((id) => slotOfFact(slots, id))),
    onlyOutcome: new Map([...program.outcomes.keys()].map((outcome) => [outcome, Object.freeze([outcome])])),
    onlyObligation: obligations.map((obligation) => Object.freeze([obligation])),
    onlyFallback: Object.freeze([fallbackObligation]),
    noteLists: new TupleNumbers(program.notes.length),
    noteListsByNumber: [],
    holding: new Int32Array(program.notes.length),
    factIndex: slots,
    undecidedSlots: new WeakMap(),
    rulesAsking: program.facts.map(() => undefined),
    questionTables: [],
    questions: [],
    askedBy: new Int32Array(program.rules.length + 1),
  };
}

/** The notes that hold, as a frozen list shared by every assessment in which the same notes hold (up to a limit). */
function notesHolding(parts: AssessmentParts, results: readonly TruthValue[]): readonly AssessmentNote[] {
  const { holding, noteLists, noteListsByNumber } = parts;
  for (let index = 0; index < holding.length; index++) holding[index] = results[index] === 'true' ? 1 : 0;
  const number = noteLists.get(holding);
  if (number >= 0) return noteListsByNumber[number] as readonly AssessmentNote[];
  const notes: AssessmentNote[] = [];
  for (let index = 0; index < holding.length; index++)
    if (holding[index] === 1) notes.push(parts.notes[index] as AssessmentNote);
  if (noteListsByNumber.length >= SHARED_NOTE_LISTS) return notes;
  noteLists.set(holding, noteListsByNumber.length);
  noteListsByNumber.push(Object.freeze(notes));
  return notes;
}

/**
 * What to ask: for each contested rule, the unknown comparisons that its result depends on (reached through
 * unknown groups only); for a rule that decides the undecided outcome, its `ask` comparisons that are not false.
 * A derived fact is asked through the unknown inputs it depends on; when all of those are known (its value depends
 * on data the ruleset marks unknown, e.g. national law), the derived fact itself is asked. Facts are asked in the
 * order first reached, contested rules taken by descending precedence (the order `resolveOutcome` gives them in).
 */
function collectQuestions(
  program: Program,
  parts: AssessmentParts,
  facts: FactValues,
  steps: readonly TraceStep[],
  pending: readonly number[],
  contested: readonly number[],
): Question[] {
  const { rulesAsking, factIndex } = parts;
  const asked: number[] = [];
  let rule = -1;
  // Each rule's facts are visited together (no rule is both pending and contested), so a rule already listed for a
  // fact is its last: checking that one keeps this linear where a fact is asked for hundreds of rules.
  const addRule = (slot: number) => {
    const rules = rulesAsking[slot];
    if (rules === undefined) {
      rulesAsking[slot] = [rule];
      asked.push(slot);
    } else if (rules[rules.length - 1] !== rule) rules.push(rule);
  };
  const ask = (slot: number) => visitUnknownInputs(parts, facts.slots, slot, addRule);
  const questions: Question[] = [];
  try {
    for (const index of pending) {
      const programRule = program.rules[index] as Program['rules'][number];
      rule = index;
      visitAskedComparisons((steps[index] as TraceStep).conditions, programRule.condition, (factId) =>
        ask(slotOfFact(factIndex, factId)),
      );
    }
    for (const index of contested) {
      rule = index;
      for (const slot of undecidedFacts(parts, (steps[index] as TraceStep).conditions)) ask(slot);
    }
    for (const slot of asked) questions.push(sharedQuestion(program, parts, slot, rulesAsking[slot] as number[]));
  } finally {
    // The scratch is shared by every assessment of the program: left filled, it would add rules to the next one's questions.
    for (const slot of asked) rulesAsking[slot] = undefined;
  }
  return questions;
}

/**
 * The question asking a fact (by slot) for some rules (by index), frozen and shared by every assessment that asks
 * the same (up to a limit): questions are most of what an assessment holds beyond shared traces.
 */
function sharedQuestion(
  program: Program,
  parts: AssessmentParts,
  slot: number,
  ruleIndexes: readonly number[],
): Question {
  const tupleLength = ruleIndexes.length + 1;
  const { askedBy } = parts;
  askedBy[0] = slot;
  for (let index = 1; index < tupleLength; index++) askedBy[index] = ruleIndexes[index - 1] as number;
  const table = (parts.questionTables[tupleLength] ??= new TupleNumbers(tupleLength));
  const number = table.get(askedBy);
  if (number >= 0) return parts.questions[number] as Question;
  const question = toQuestion(
    program,
    factIdAt(program, slot),
    ruleIndexes.map((index) => (program.rules[index] as Program['rules'][number]).id),
  );
  if (parts.questions.length >= SHARED_QUESTIONS) return question;
  Object.freeze(question.rules);
  table.set(askedBy, parts.questions.length);
  parts.questions.push(Object.freeze(question));
  return question;
}

function toQuestion(program: Program, factId: string, rules: readonly string[]): Question {
  const fact = program.factsById.get(factId);
  return { fact: factId, prompt: fact?.prompt ?? factId, citation: fact?.citation ?? program.fallback.citation, rules };
}

const NONE: readonly number[] = Object.freeze([]);

/**
 * The slots of the facts of the unknown comparisons that an unknown condition's result depends on, in order (kept
 * per program for a frozen trace).
 */
function undecidedFacts(parts: AssessmentParts, trace: ConditionTrace): readonly number[] {
  if (trace.result !== 'unknown') return NONE;
  const frozen = Object.isFrozen(trace);
  let slots = frozen ? parts.undecidedSlots.get(trace) : undefined;
  if (slots === undefined) {
    const found: number[] = [];
    visitUndecidedFacts(trace, (factId) => found.push(slotOfFact(parts.factIndex, factId)));
    slots = found;
    if (frozen) parts.undecidedSlots.set(trace, slots);
  }
  return slots;
}

/** Visits the facts of the unknown comparisons that an unknown condition's result depends on, in order. */
function visitUndecidedFacts(trace: ConditionTrace, visit: (factId: string) => void): void {
  if (trace.result !== 'unknown') return;
  switch (trace.type) {
    case 'fact':
      visit(trace.fact);
      return;
    case 'all':
    case 'any':
      for (const condition of trace.conditions) visitUndecidedFacts(condition, visit);
      return;
    case 'not':
    case 'named':
      visitUndecidedFacts(trace.condition, visit);
  }
}

/** Walks a trace and its program tree together, visiting the fact of each `ask` comparison that is not false. */
function visitAskedComparisons(trace: ConditionTrace, node: ConditionNode, visit: (factId: string) => void): void {
  if (trace.type === 'fact' && node.type === 'fact') {
    if (node.ask && trace.result !== 'false') visit(trace.fact);
  } else if ((trace.type === 'all' || trace.type === 'any') && (node.type === 'all' || node.type === 'any')) {
    trace.conditions.forEach((child, index) =>
      visitAskedComparisons(child, node.children[index] as ConditionNode, visit),
    );
  } else if ((trace.type === 'not' || trace.type === 'named') && (node.type === 'not' || node.type === 'named')) {
    visitAskedComparisons(trace.condition, node.child, visit);
  }
}

/**
 * Visits the input facts (transitively, by slot) behind an unknown fact that are themselves unknown, depth first, or
 * the fact itself if there are none. A fact reached twice is visited twice; visitors are idempotent.
 */
function visitUnknownInputs(
  parts: AssessmentParts,
  values: readonly FactValue[],
  slot: number,
  visit: (slot: number) => void,
): void {
  const inputs = parts.inputSlots[slot] as readonly number[];
  let found = false;
  for (const input of inputs) {
    if ((values[input] ?? null) !== null) continue;
    found = true;
    visitUnknownInputs(parts, values, input, visit);
  }
  if (!found) visit(slot);
}

/** The id of the fact in a slot: slots follow the order of the program's facts. */
function factIdAt(program: Program, slot: number): string {
  return (program.facts[slot] as Program['facts'][number]).id;
}

function findAuthority(program: Program, facts: FactValues): CompetentAuthority | undefined {
  const authority = program.authority;
  if (authority === undefined) return undefined;
  const memberState = facts.get(authority.memberStateFact);
  return typeof memberState === 'string' ? authority.byMemberState.get(memberState) : undefined;
}
