import type { TruthValue } from '../types/assessment';
import type { Outcome } from '../types/outcome';

/**
 * What the outcome rule needs of a ruleset: each rule's outcome and precedence, every outcome's precedence, the
 * fallback (the outcome when no rule holds) and the undecided outcome. A compiled ruleset's program is one.
 */
export interface OutcomeRules {
  /** By rule index. A rule's precedence is that of its outcome. */
  readonly rules: readonly { readonly outcome: Outcome; readonly precedence: number }[];
  readonly outcomes: ReadonlyMap<Outcome, { readonly precedence: number }>;
  readonly fallback: Outcome;
  readonly undecided: Outcome;
}

/** A rule's three-valued result for one transaction (a trace step is one). */
export interface RuleResult {
  readonly result: TruthValue;
}

/** The outcome of one transaction, and the rules it rests on. */
export interface Resolution {
  /** The candidate when it is the only possible outcome, else the ruleset's undecided outcome. */
  readonly outcome: Outcome;
  /** Whether only one outcome is possible. */
  readonly decided: boolean;
  /** The candidate and the outcomes of the contested rules, each once, highest precedence first. */
  readonly possibleOutcomes: readonly Outcome[];
  /** The rules that hold with the highest precedence, in declaration order; none when the fallback is the candidate. */
  readonly deciding: readonly number[];
  /** The contested rules, highest precedence first, then in declaration order: the order questions are asked in. */
  readonly contested: readonly number[];
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
 *
 * @param rules - The ruleset's rules and outcomes.
 * @param results - Each rule's result, by rule index.
 */
export function resolveOutcome(rules: OutcomeRules, results: readonly RuleResult[]): Resolution {
  const count = rules.rules.length;
  const ruleAt = (index: number) => rules.rules[index] as OutcomeRules['rules'][number];
  const resultOf = (index: number) => (results[index] as RuleResult).result;

  // 1. The highest precedence among the rules that hold (none holding: lower than any rule's), and the rules of it.
  let top = Number.NEGATIVE_INFINITY;
  for (let index = 0; index < count; index++) {
    if (resultOf(index) === 'true' && ruleAt(index).precedence > top) top = ruleAt(index).precedence;
  }
  const deciding: number[] = [];
  for (let index = 0; index < count; index++) {
    if (resultOf(index) === 'true' && ruleAt(index).precedence === top) deciding.push(index);
  }
  const candidate = deciding.length > 0 ? ruleAt(deciding[0] as number).outcome : rules.fallback;

  // 2. and 3. The contested rules, and the outcomes they could lead to.
  const precedenceOf = (outcome: Outcome) => rules.outcomes.get(outcome)?.precedence ?? Number.NEGATIVE_INFINITY;
  const contested: number[] = [];
  const possibleOutcomes: Outcome[] = [candidate];
  for (let index = 0; index < count; index++) {
    const { outcome, precedence } = ruleAt(index);
    if (resultOf(index) !== 'unknown' || precedence <= top || outcome === candidate) continue;
    insertByPrecedence(contested, index, (rule) => ruleAt(rule).precedence);
    if (!possibleOutcomes.includes(outcome)) insertByPrecedence(possibleOutcomes, outcome, precedenceOf);
  }

  // 4. Decided, or not yet.
  const decided = possibleOutcomes.length === 1;
  return { outcome: decided ? candidate : rules.undecided, decided, possibleOutcomes, deciding, contested };
}

/** Adds an item after every item of higher or equal precedence, so a list stays highest first, equals in arrival order. */
function insertByPrecedence<T>(list: T[], item: T, precedenceOf: (item: T) => number): void {
  const precedence = precedenceOf(item);
  let at = list.length;
  list.push(item);
  while (at > 0 && precedenceOf(list[at - 1] as T) < precedence) {
    list[at] = list[at - 1] as T;
    at--;
  }
  list[at] = item;
}
