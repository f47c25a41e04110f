import type { Program } from '../../model/program';
import type { OutcomeRules } from '../../model/resolveOutcome';
import type {
  AssessmentNote,
  ConditionTrace,
  Obligation,
  Question,
  RulesetReference,
  TruthValue,
} from '../../types/assessment';
import type { Outcome } from '../../types/outcome';
import { TupleNumbers } from '../numberTables';
import { slotOfFact } from '../prepareFacts';
import { createCertainDutyLists, type CertainDutyLists } from './certainDuties';
import { factInputs, type FactInputs } from './questionFacts';

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
  /** Each fact's direct inputs (none for an input fact), and which facts are derived or records, by slot. */
  readonly inputs: FactInputs;
  /** The frozen lists of certain duties, shared per set of possible outcomes; `undefined` when the ruleset declares none. */
  readonly certainDuties: CertainDutyLists;
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
    inputs: factInputs(
      program,
      program.facts.map((fact) => fact.inputs.map((id) => slotOfFact(slots, id))),
    ),
    certainDuties: createCertainDutyLists(program),
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
export function notesHolding(parts: AssessmentParts, results: readonly TruthValue[]): readonly AssessmentNote[] {
  const { holding, noteLists, noteListsByNumber } = parts;
  for (let index = 0; index < holding.length; index++) holding[index] = results[index] === 'true' ? 1 : 0;
  const number = noteLists.get(holding);
  if (number >= 0) return noteListsByNumber[number] as readonly AssessmentNote[];
  const notes: AssessmentNote[] = [];
  for (let index = 0; index < holding.length; index++)
    if (holding[index] === 1) notes.push(parts.notes[index] as AssessmentNote);
  if (noteListsByNumber.length >= SHARED_NOTE_LISTS) return Object.freeze(notes);
  noteLists.set(holding, noteListsByNumber.length);
  noteListsByNumber.push(Object.freeze(notes));
  return notes;
}

/**
 * The question asking a fact (by slot) for some rules (by index), frozen and shared by every assessment that asks
 * the same (up to a limit): questions are most of what an assessment holds beyond shared traces.
 */
export function sharedQuestion(
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
  table.set(askedBy, parts.questions.length);
  parts.questions.push(question);
  return question;
}

/** A question asking a fact, in the fact's own words and with its citation, for some rules (by id); frozen. */
export function toQuestion(program: Program, factId: string, rules: readonly string[]): Question {
  const fact = program.factsById.get(factId);
  return Object.freeze({
    fact: factId,
    prompt: fact?.prompt ?? factId,
    citation: fact?.citation ?? program.fallback.citation,
    rules: Object.freeze(rules),
  });
}

/** The id of the fact in a slot: slots follow the order of the program's facts. */
export function factIdAt(program: Program, slot: number): string {
  return (program.facts[slot] as Program['facts'][number]).id;
}
