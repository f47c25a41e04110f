import { deepFreeze } from '../../document/deepFreeze';
import type { Evaluation } from '../../model/evaluation';
import type { Program } from '../../model/program';
import { resolveOutcome } from '../../model/resolveOutcome';
import type { Assessment, CompetentAuthority, Duty, Obligation } from '../../types/assessment';
import { slotOfFact, type FactValues } from '../prepareFacts';
import { certainDutiesOf } from './certainDuties';
import { collectQuestions } from './collectQuestions';
import { rememberMade } from './givenAssessments';
import { visitAnswerableInputs } from './questionFacts';
import { factIdAt, notesHolding, toQuestion, type AssessmentParts } from './sharedParts';

const NONE_OBLIGED: readonly Obligation[] = Object.freeze([]);

/**
 * Turns an evaluation into an assessment: resolves the outcome by the outcome rule (`resolveOutcome`, on precedences
 * that are data in the ruleset), lists what is still possible and what to ask, and attaches notes and the competent
 * authority. The same for both evaluators; what many assessments share comes from `parts` (see `sharedParts.ts`).
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
      ? (parts.onlyOutcome.get(outcome) ?? Object.freeze(resolution.possibleOutcomes))
      : Object.freeze(resolution.possibleOutcomes);

  const obligations: readonly Obligation[] = !decided
    ? NONE_OBLIGED
    : deciding.length === 0
      ? parts.onlyFallback
      : deciding.length === 1
        ? (parts.onlyObligation[deciding[0] as number] as readonly Obligation[])
        : Object.freeze(deciding.map((index) => parts.obligations[index] as Obligation));

  const involvesAuthority = program.outcomes.get(outcome)?.involvesAuthority === true;
  const certainDuties = certainDutiesOf(program, parts.certainDuties, resolution.completionOutcomes);
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
  const result = certainDuties === undefined ? assessment : withCertainDuties(assessment, certainDuties);
  // Deeply frozen, whichever evaluator made it (see `Assessment`). What many assessments share (the parts, interned
  // traces, the program's citations) is frozen throughout already; a trace step made for this transaction alone is
  // frozen here, once its questions are collected (they keep what they find for frozen, shared traces only).
  if (!evaluation.stepsShared) for (const step of steps) deepFreeze(step);
  Object.freeze(steps);
  Object.freeze(questions);
  return rememberMade(Object.freeze(result));
}

type Writable<T> = { -readonly [Key in keyof T]: T[Key] };

/**
 * The assessment with its certain duties (a frozen list of the program's frozen duties, shared), placed after the
 * obligations (the order of the type, and of the JSON).
 */
function withCertainDuties(assessment: Assessment, certainDuties: readonly Duty[]): Assessment {
  const { outcome, possibleOutcomes, nextSteps, obligations, ...rest } = assessment;
  return { outcome, possibleOutcomes, nextSteps, obligations, certainDuties, ...rest };
}

function findAuthority(program: Program, facts: FactValues): CompetentAuthority | undefined {
  const authority = program.authority;
  if (authority === undefined) return undefined;
  const memberState = facts.get(authority.memberStateFact);
  return typeof memberState === 'string' ? authority.byMemberState.get(memberState) : undefined;
}
