import type { ConditionNode, Program } from '../../model/program';
import type { ConditionTrace, Question, TraceStep } from '../../types/assessment';
import { slotOfFact, type FactValues } from '../prepareFacts';
import { visitAnswerableInputs } from './questionFacts';
import { sharedQuestion, type AssessmentParts } from './sharedParts';

/**
 * What to ask: for each contested rule, the unknown comparisons that its result depends on (reached through
 * unknown groups only); for a rule that decides the undecided outcome, its `ask` comparisons that are not false.
 * A derived fact is asked through what can answer it (`visitAnswerableInputs`): the unknown inputs it depends on, or
 * a list of records one of whose fields is unknown; only when nothing can (its value depends on data the ruleset
 * marks unknown, e.g. national law), the derived fact itself is asked. Facts are asked in the
 * order first reached, contested rules taken by descending precedence (the order `resolveOutcome` gives them in).
 */
export function collectQuestions(
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
