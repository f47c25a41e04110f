import { describe, expect, test } from 'vitest';
import type { Outcome, RulesetDocument, TruthValue } from '../../src/index';
import { resolveOutcome, type OutcomeRules } from '../../src/model/resolveOutcome';
import { readJsonFile } from '../support/rulesets';

/** Outcome precedences as in the Article 5 ruleset; the outcome rule itself knows none of them. */
const PRECEDENCE = Object.fromEntries(
  Object.entries((readJsonFile('rulesets/eu-2021-821-art5/2.0.0.json') as RulesetDocument).outcomes ?? {}).map(
    ([outcome, { precedence }]) => [outcome, precedence],
  ),
) as Readonly<Record<Outcome, number>>;

/**
 * A ruleset of rules given as outcomes, with `no_obligation` as fallback and `insufficient_information` undecided;
 * the rules at the indexes in `cannotHold` are of the kind no transaction makes hold (only "not answered yet" tests).
 */
function rulesetOf(outcomes: readonly Outcome[], cannotHold: readonly number[] = []): OutcomeRules {
  return {
    rules: outcomes.map((outcome, index) => ({
      outcome,
      precedence: PRECEDENCE[outcome],
      canHold: !cannotHold.includes(index),
    })),
    outcomes: new Map(Object.entries(PRECEDENCE).map(([outcome, precedence]) => [outcome as Outcome, { precedence }])),
    fallback: 'no_obligation',
    undecided: 'insufficient_information',
  };
}

interface Case {
  /** The clause of docs/decision-model.md ("From rules to one outcome") the case shows. */
  readonly clause: string;
  /** Each rule: its outcome and its result for the transaction. */
  readonly rules: readonly (readonly [Outcome, TruthValue])[];
  readonly outcome: Outcome;
  readonly possibleOutcomes: readonly Outcome[];
  readonly deciding: readonly number[];
  readonly contested: readonly number[];
  /** The rules (by index) that cannot hold; none when absent. */
  readonly cannotHold?: readonly number[];
  /** The outcomes a completion can lead to; `possibleOutcomes` when absent. */
  readonly completionOutcomes?: readonly Outcome[];
}

const CASES: readonly Case[] = [
  {
    clause: 'the one rule that holds decides',
    rules: [
      ['authorisation_required', 'false'],
      ['notification_required', 'true'],
    ],
    outcome: 'notification_required',
    possibleOutcomes: ['notification_required'],
    deciding: [1],
    contested: [],
  },
  {
    clause: 'among rules that hold, those of the highest precedence decide',
    rules: [
      ['notification_required', 'true'],
      ['authorisation_required', 'true'],
      ['enhanced_due_diligence', 'true'],
    ],
    outcome: 'authorisation_required',
    possibleOutcomes: ['authorisation_required'],
    deciding: [1],
    contested: [],
  },
  {
    clause: 'several rules holding with the highest precedence all decide, in declaration order',
    rules: [
      ['authorisation_required', 'true'],
      ['notification_required', 'true'],
      ['authorisation_required', 'true'],
    ],
    outcome: 'authorisation_required',
    possibleOutcomes: ['authorisation_required'],
    deciding: [0, 2],
    contested: [],
  },
  {
    clause: 'when no rule holds, the fallback is the outcome',
    rules: [
      ['authorisation_required', 'false'],
      ['notification_required', 'false'],
    ],
    outcome: 'no_obligation',
    possibleOutcomes: ['no_obligation'],
    deciding: [],
    contested: [],
  },
  {
    clause: 'a ruleset without rules gives the fallback',
    rules: [],
    outcome: 'no_obligation',
    possibleOutcomes: ['no_obligation'],
    deciding: [],
    contested: [],
  },
  {
    clause: 'an unknown rule of higher precedence with another outcome is contested, and the outcome is undecided',
    rules: [
      ['authorisation_required', 'unknown'],
      ['notification_required', 'true'],
    ],
    outcome: 'insufficient_information',
    possibleOutcomes: ['authorisation_required', 'notification_required'],
    deciding: [1],
    contested: [0],
  },
  {
    clause: 'when no rule holds, an unknown rule with another outcome than the fallback is contested',
    rules: [
      ['notification_required', 'unknown'],
      ['authorisation_required', 'false'],
    ],
    outcome: 'insufficient_information',
    possibleOutcomes: ['notification_required', 'no_obligation'],
    deciding: [],
    contested: [0],
  },
  {
    clause: "when no rule holds, an unknown rule is contested even below the fallback outcome's own precedence",
    rules: [['enhanced_due_diligence', 'unknown']],
    outcome: 'insufficient_information',
    possibleOutcomes: ['enhanced_due_diligence', 'no_obligation'],
    deciding: [],
    contested: [0],
  },
  {
    clause: 'an unknown rule of lower precedence never contests',
    rules: [
      ['notification_required', 'unknown'],
      ['authorisation_required', 'true'],
      ['enhanced_due_diligence', 'unknown'],
    ],
    outcome: 'authorisation_required',
    possibleOutcomes: ['authorisation_required'],
    deciding: [1],
    contested: [],
  },
  {
    clause: "an unknown rule with the candidate's outcome never contests",
    rules: [
      ['authorisation_required', 'true'],
      ['authorisation_required', 'unknown'],
    ],
    outcome: 'authorisation_required',
    possibleOutcomes: ['authorisation_required'],
    deciding: [0],
    contested: [],
  },
  {
    clause: "an unknown rule with the fallback's outcome never contests the fallback",
    rules: [
      ['no_obligation', 'unknown'],
      ['notification_required', 'false'],
    ],
    outcome: 'no_obligation',
    possibleOutcomes: ['no_obligation'],
    deciding: [],
    contested: [],
  },
  {
    clause: 'a rule that does not hold never counts, whatever its precedence',
    rules: [
      ['not_applicable', 'false'],
      ['enhanced_due_diligence', 'true'],
    ],
    outcome: 'enhanced_due_diligence',
    possibleOutcomes: ['enhanced_due_diligence'],
    deciding: [1],
    contested: [],
  },
  {
    clause:
      'several possible outcomes: each listed once, highest precedence first; contested rules highest precedence ' +
      'first, then in declaration order',
    rules: [
      ['notification_required', 'unknown'],
      ['enhanced_due_diligence', 'true'],
      ['not_applicable', 'unknown'],
      ['notification_required', 'unknown'],
      ['authorisation_required', 'unknown'],
    ],
    outcome: 'insufficient_information',
    possibleOutcomes: ['not_applicable', 'authorisation_required', 'notification_required', 'enhanced_due_diligence'],
    deciding: [1],
    contested: [2, 4, 0, 3],
  },
  {
    clause: 'a rule that holds with the undecided outcome decides it (the assessment is decided, not pending answers)',
    rules: [
      ['insufficient_information', 'true'],
      ['enhanced_due_diligence', 'unknown'],
    ],
    outcome: 'insufficient_information',
    possibleOutcomes: ['insufficient_information'],
    deciding: [0],
    contested: [],
  },
  {
    clause: 'an undecided outcome contested by a rule of higher precedence is undecided too',
    rules: [
      ['insufficient_information', 'true'],
      ['authorisation_required', 'unknown'],
    ],
    outcome: 'insufficient_information',
    possibleOutcomes: ['authorisation_required', 'insufficient_information'],
    deciding: [0],
    contested: [1],
  },
  {
    clause: 'a contested rule that cannot hold keeps its outcome possible, but no completion leads to it',
    rules: [
      ['insufficient_information', 'unknown'],
      ['enhanced_due_diligence', 'true'],
    ],
    cannotHold: [0],
    outcome: 'insufficient_information',
    possibleOutcomes: ['insufficient_information', 'enhanced_due_diligence'],
    deciding: [1],
    contested: [0],
    completionOutcomes: ['enhanced_due_diligence'],
  },
  {
    clause: 'an outcome that a rule able to hold also contests is one a completion can lead to',
    rules: [
      ['insufficient_information', 'unknown'],
      ['insufficient_information', 'unknown'],
      ['enhanced_due_diligence', 'true'],
    ],
    cannotHold: [0],
    outcome: 'insufficient_information',
    possibleOutcomes: ['insufficient_information', 'enhanced_due_diligence'],
    deciding: [2],
    contested: [0, 1],
  },
  {
    clause: 'the candidate is always an outcome a completion can lead to, the fallback too',
    rules: [
      ['authorisation_required', 'unknown'],
      ['insufficient_information', 'unknown'],
    ],
    cannotHold: [0, 1],
    outcome: 'insufficient_information',
    possibleOutcomes: ['authorisation_required', 'insufficient_information', 'no_obligation'],
    deciding: [],
    contested: [0, 1],
    completionOutcomes: ['no_obligation'],
  },
  {
    clause: 'only the outcomes of contested rules that cannot hold leave the completion outcomes',
    rules: [
      ['authorisation_required', 'unknown'],
      ['notification_required', 'unknown'],
      ['insufficient_information', 'unknown'],
      ['no_obligation', 'true'],
    ],
    cannotHold: [2],
    outcome: 'insufficient_information',
    possibleOutcomes: ['authorisation_required', 'notification_required', 'insufficient_information', 'no_obligation'],
    deciding: [3],
    contested: [0, 1, 2],
    completionOutcomes: ['authorisation_required', 'notification_required', 'no_obligation'],
  },
];

describe('resolveOutcome: from the rules’ three-valued results to one outcome', () => {
  test.each(CASES)(
    '$clause',
    ({ rules, outcome, possibleOutcomes, deciding, contested, cannotHold, completionOutcomes }) => {
      const resolution = resolveOutcome(
        rulesetOf(
          rules.map(([ruleOutcome]) => ruleOutcome),
          cannotHold,
        ),
        rules.map(([, result]) => ({ result })),
      );
      expect(resolution).toEqual({
        outcome,
        decided: possibleOutcomes.length === 1,
        possibleOutcomes,
        deciding,
        contested,
        completionOutcomes: completionOutcomes ?? possibleOutcomes,
      });
    },
  );

  test('the outcome is decided exactly when one outcome is possible', () => {
    for (const { rules, cannotHold } of CASES) {
      const resolution = resolveOutcome(
        rulesetOf(
          rules.map(([outcome]) => outcome),
          cannotHold,
        ),
        rules.map(([, result]) => ({ result })),
      );
      expect(resolution.decided).toBe(resolution.possibleOutcomes.length === 1);
      if (resolution.decided) expect(resolution.possibleOutcomes).toEqual([resolution.outcome]);
      else expect(resolution.outcome).toBe('insufficient_information');
    }
  });
});
