import type { Evaluation } from '../model/evaluation';
import type { ConditionNode, Program } from '../model/program';
import type {
  Assessment,
  AssessmentNote,
  CompetentAuthority,
  ConditionTrace,
  Duty,
  Obligation,
  Question,
  RulesetReference,
  TraceStep,
  TruthValue,
} from '../types/assessment';
import type { Outcome } from '../types/outcome';
import { certainDutiesOf } from './certainDuties';
import { TupleNumbers } from './numberTables';
import { factSlots, slotOfFact, type FactValues } from './prepareFacts';
import { factInputs, visitAnswerableInputs, type FactInputs } from './questionFacts';

/** The parts of an assessment that depend only on the program, made once per program and frozen, then shared. */
interface AssessmentParts {
  /** The obligation each rule imposes when it decides the outcome, by rule index. */
  readonly obligations: readonly Obligation[];
  /** Each note as it appears in an assessment, by note index. */
  readonly notes: readonly AssessmentNote[];
  /** Each rule's precedence, by rule index. */
  readonly precedences: readonly number[];
  /** Precedence of a rule (by index) and of an outcome, for ordering. */
  readonly rulePrecedence: (rule: number) => number;
  readonly outcomePrecedence: (outcome: Outcome) => number;
  /** Each fact's direct inputs (none for an input fact), and which facts are derived or records, by slot. */
  readonly inputs: FactInputs;
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

const partsByProgram = new WeakMap<Program, AssessmentParts>();

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
  const parts = partsOf(program);
  const { rules } = program;
  const { precedences } = parts;
  const steps = evaluation.steps;
  const ruleCount = rules.length;

  let topPrecedence = Number.NEGATIVE_INFINITY;
  for (let index = 0; index < ruleCount; index++) {
    if ((steps[index] as TraceStep).result === 'true' && (precedences[index] as number) > topPrecedence)
      topPrecedence = precedences[index] as number;
  }
  // The rules that hold with the top precedence decide; none holding leaves the fallback.
  const deciding: number[] = [];
  for (let index = 0; index < ruleCount; index++) {
    if ((steps[index] as TraceStep).result === 'true' && precedences[index] === topPrecedence) deciding.push(index);
  }
  const floor: Outcome =
    deciding.length > 0 ? (rules[deciding[0] as number] as Program['rules'][number]).outcome : program.fallback.outcome;
  // Rules still unknown that would win with another outcome if they turned out true (any of them, while none holds).
  const contested: number[] = [];
  const possible: Outcome[] = [floor];
  for (let index = 0; index < ruleCount; index++) {
    const { outcome } = rules[index] as Program['rules'][number];
    if (
      (steps[index] as TraceStep).result !== 'unknown' ||
      (precedences[index] as number) <= topPrecedence ||
      outcome === floor
    )
      continue;
    contested.push(index);
    if (!possible.includes(outcome)) possible.push(outcome);
  }
  const possibleOutcomes =
    possible.length < 2 ? (parts.onlyOutcome.get(floor) ?? possible) : byPrecedence(possible, parts.outcomePrecedence);
  const decided = possibleOutcomes.length === 1;
  const outcome = decided ? floor : program.undecided;

  const obligations: readonly Obligation[] = !decided
    ? NONE_OBLIGED
    : deciding.length === 0
      ? parts.onlyFallback
      : deciding.length === 1
        ? (parts.onlyObligation[deciding[0] as number] as readonly Obligation[])
        : deciding.map((index) => parts.obligations[index] as Obligation);

  const involvesAuthority = program.outcomes.get(outcome)?.involvesAuthority === true;
  const certainDuties = certainDutiesOf(program, possibleOutcomes);
  const questions = collectQuestions(
    program,
    parts,
    facts,
    steps,
    decided && outcome === program.undecided ? deciding : [],
    contested,
  );
  const competentAuthority =
    involvesAuthority || (!decided && program.authority?.whenUndecided === true)
      ? findAuthority(program, facts)
      : undefined;
  if (involvesAuthority && competentAuthority === undefined && program.authority !== undefined) {
    const rulesAsking = obligations.map((obligation) => obligation.rule);
    const asked: number[] = [];
    visitAnswerableInputs(
      parts.inputs,
      facts.slots,
      slotOfFact(parts.factIndex, program.authority.memberStateFact),
      (slot) => {
        if (!asked.includes(slot)) asked.push(slot);
      },
    );
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
  return certainDuties === undefined ? assessment : withCertainDuties(assessment, certainDuties);
}

type Writable<T> = { -readonly [Key in keyof T]: T[Key] };

/** The assessment with its certain duties, placed after the obligations (the order of the type, and of the JSON). */
function withCertainDuties(assessment: Assessment, certainDuties: readonly Duty[]): Assessment {
  const { outcome, possibleOutcomes, nextSteps, obligations, ...rest } = assessment;
  return { outcome, possibleOutcomes, nextSteps, obligations, certainDuties, ...rest };
}

function partsOf(program: Program): AssessmentParts {
  let parts = partsByProgram.get(program);
  if (parts === undefined) {
    const { fallback } = program;
    const slots = factSlots(program);
    const precedences = program.rules.map((rule) => rule.precedence);
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
    parts = {
      obligations,
      notes: program.notes.map((note) =>
        Object.freeze({ id: note.id, text: note.text, citation: note.citation, seeAlso: note.seeAlso }),
      ),
      precedences,
      rulePrecedence: (rule) => precedences[rule] as number,
      outcomePrecedence: (outcome) => precedence(program, outcome),
      inputs: factInputs(
        program,
        program.facts.map((fact) => fact.inputs.map((id) => slotOfFact(slots, id))),
      ),
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
    partsByProgram.set(program, parts);
  }
  return parts;
}

/**
 * Orders a short list by descending precedence, in place, keeping the order of equals (as a stable sort would):
 * an insertion sort, since `Array.prototype.sort` allocates on every call and these lists have a few entries.
 */
function byPrecedence<T>(list: T[], precedenceOf: (item: T) => number): T[] {
  for (let index = 1; index < list.length; index++) {
    const item = list[index] as T;
    const rank = precedenceOf(item);
    let at = index;
    while (at > 0 && precedenceOf(list[at - 1] as T) < rank) {
      list[at] = list[at - 1] as T;
      at--;
    }
    list[at] = item;
  }
  return list;
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
 * order first reached, contested rules taken by descending precedence (`contested` is reordered so, in place).
 */
function collectQuestions(
  program: Program,
  parts: AssessmentParts,
  facts: FactValues,
  steps: readonly TraceStep[],
  pending: readonly number[],
  contested: number[],
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
  const ask = (slot: number) => visitAnswerableInputs(parts.inputs, facts.slots, slot, addRule);
  const questions: Question[] = [];
  try {
    for (const index of pending) {
      const programRule = program.rules[index] as Program['rules'][number];
      rule = index;
      visitAskedComparisons((steps[index] as TraceStep).conditions, programRule.condition, (factId) =>
        ask(slotOfFact(factIndex, factId)),
      );
    }
    for (const index of byPrecedence(contested, parts.rulePrecedence)) {
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

function precedence(program: Program, outcome: Outcome): number {
  return program.outcomes.get(outcome)?.precedence ?? Number.NEGATIVE_INFINITY;
}
