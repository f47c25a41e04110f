import type { TruthValue } from '../types/assessment';
import type { Outcome, UndecidedOutcome } from '../types/outcome';

/**
 * What the outcome rule needs of a ruleset: each rule's outcome and precedence, every outcome's precedence, the
 * fallback (the outcome when no rule holds) and the undecided outcome. A compiled ruleset's program is one.
 *
 * The types hold what the compiler checks (`checkUndecided`): the undecided outcome is the contract's "not settled
 * yet", and the fallback never decides it. A rule that decides it always leaves a question (`missing_ask`). So an
 * undecided resolution is never presented as a decided outcome, nor a decided one as open with nothing to ask.
 */
export interface OutcomeRules {
  /**
   * By rule index. A rule's precedence is that of its outcome; `canHold` is false for a rule that no transaction makes
   * hold, one that only stays open while a fact is unanswered (`ProgramRule.canHold`).
   */
  readonly rules: readonly { readonly outcome: Outcome; readonly precedence: number; readonly canHold: boolean }[];
  readonly outcomes: ReadonlyMap<Outcome, { readonly precedence: number }>;
  readonly fallback: Exclude<Outcome, UndecidedOutcome>;
  readonly undecided: UndecidedOutcome;
}

/** A rule's three-valued result for one transaction (a trace step is one). */
export interface RuleResult {
  readonly result: TruthValue;
}

/** The outcome of one transaction, and the rules it rests on. */
export interface Resolution {
  /** The candidate when it is the only possible outcome, else the undecided outcome (`insufficient_information`). */
  readonly outcome: Outcome;
  /** Whether only one outcome is possible. */
  readonly decided: boolean;
  /** The candidate and the outcomes of the contested rules, each once, highest precedence first. */
  readonly possibleOutcomes: readonly Outcome[];
  /** The rules that hold with the highest precedence, in declaration order; none when the fallback is the candidate. */
  readonly deciding: readonly number[];
  /** The contested rules, highest precedence first, then in declaration order: the order questions are asked in. */
  readonly contested: readonly number[];
  /**
   * The possible outcomes some completion of the unknown facts can lead to: all of them (the same array) unless an
   * outcome is possible only through contested rules that cannot hold, which keep it open until their questions are
   * answered but never lead to it. What holds in every completion (the certain duties) is read over these.
   */
  readonly completionOutcomes: readonly Outcome[];
}

/**
 * The outcome rule of docs/decision-model.md ("From rules to one outcome"), from every rule's three-valued result:
 *
 * 1. The rules that hold (result `true`) with the highest precedence decide: their outcome is the candidate. When
 *    no rule holds, the fallback is the candidate, and any rule that held would beat it.
 * 2. A rule whose result is `unknown`, whose precedence is higher than that of the deciding rules (any precedence,
 *    when none holds) and whose outcome is not the candidate is contested: some answer to its unknown facts would
 *    make it win. An unknown rule of lower or equal precedence, or with the candidate's outcome, changes nothing.
 * 3. The possible outcomes are the candidate and the contested rules' outcomes.
 * 4. If only one outcome is possible, it is the outcome; otherwise the outcome is the ruleset's undecided outcome.
 * 5. The outcomes a completion can lead to are the candidate and the outcomes of the contested rules that can hold.
 *    A contested rule that cannot hold ("the end user is not named yet") keeps its outcome possible, so the answer is
 *    not settled and its question is asked, but answering it makes the rule false.
 *
 * @param rules - The ruleset's rules and outcomes.
 * @param results - Each rule's result, by rule index.
 */
export function resolveOutcome(rules: OutcomeRules, results: readonly RuleResult[]): Resolution {
  const count = rules.rules.length;

  // 1. The highest precedence among the rules that hold (none holding: lower than any rule's), and the rules of it.
  let top = Number.NEGATIVE_INFINITY;
  for (let index = 0; index < count; index++) {
    const { precedence } = rules.rules[index] as RankedRule;
    if ((results[index] as RuleResult).result === 'true' && precedence > top) top = precedence;
  }
  const deciding: number[] = [];
  for (let index = 0; index < count; index++) {
    const { precedence } = rules.rules[index] as RankedRule;
    if ((results[index] as RuleResult).result === 'true' && precedence === top) deciding.push(index);
  }
  const candidate = deciding.length > 0 ? (rules.rules[deciding[0] as number] as RankedRule).outcome : rules.fallback;

  // 2. and 3. The contested rules, and the outcomes they could lead to.
  const contested: number[] = [];
  const possibleOutcomes: Outcome[] = [candidate];
  let someCannotHold = false;
  for (let index = 0; index < count; index++) {
    const { outcome, precedence, canHold } = rules.rules[index] as RankedRule;
    if ((results[index] as RuleResult).result !== 'unknown' || precedence <= top || outcome === candidate) continue;
    addContested(contested, index, rules);
    if (!canHold) someCannotHold = true;
    if (!possibleOutcomes.includes(outcome)) addPossible(possibleOutcomes, outcome, rules);
  }

  // 4. Decided, or not yet.
  const decided = possibleOutcomes.length === 1;
  // 5. What completions can reach.
  const completionOutcomes = someCannotHold
    ? possibleOutcomes.filter(
        (outcome) =>
          outcome === candidate ||
          contested.some((index) => {
            const rule = rules.rules[index] as RankedRule;
            return rule.outcome === outcome && rule.canHold;
          }),
      )
    : possibleOutcomes;
  return {
    outcome: decided ? candidate : rules.undecided,
    decided,
    possibleOutcomes,
    deciding,
    contested,
    completionOutcomes,
  };
}

type RankedRule = OutcomeRules['rules'][number];

/** Adds a contested rule after every rule of higher or equal precedence: highest first, equals in declaration order. */
function addContested(contested: number[], index: number, rules: OutcomeRules): void {
  const { precedence } = rules.rules[index] as RankedRule;
  let at = contested.push(index) - 1;
  while (at > 0 && (rules.rules[contested[at - 1] as number] as RankedRule).precedence < precedence) {
    contested[at] = contested[at - 1] as number;
    at--;
  }
  contested[at] = index;
}

/** Adds a possible outcome after every outcome of higher or equal precedence: highest first. */
function addPossible(possible: Outcome[], outcome: Outcome, rules: OutcomeRules): void {
  const precedence = precedenceOf(outcome, rules);
  let at = possible.push(outcome) - 1;
  while (at > 0 && precedenceOf(possible[at - 1] as Outcome, rules) < precedence) {
    possible[at] = possible[at - 1] as Outcome;
    at--;
  }
  possible[at] = outcome;
}

function precedenceOf(outcome: Outcome, rules: OutcomeRules): number {
  return rules.outcomes.get(outcome)?.precedence ?? Number.NEGATIVE_INFINITY;
}
