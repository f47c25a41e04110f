import type { IssueArea } from './area';

/**
 * The codes of a ruleset document whose parts do not fit together (types, scales, catalogues, outcomes, structure):
 * each code's fields beyond `path`, `code` and `message`.
 */
export interface MeaningIssuePayloads {
  operator_type_mismatch: { readonly operator: string; readonly fact: string };
  value_type_mismatch: { readonly fact: string };
  unknown_value: { readonly fact: string };
  fact_type_mismatch: { readonly fact: string };
  attribute_type_mismatch: { readonly fact: string };
  scale_mismatch: Record<never, never>;
  catalogue_mismatch: { readonly fact: string };
  invalid_field: { readonly field: string };
  invalid_answers: { readonly fact: string };
  invalid_threshold: Record<never, never>;
  duplicate_precedence: { readonly precedence: number; readonly other: string };
  missing_ask: Record<never, never>;
  ask_without_effect: Record<never, never>;
  invalid_section: { readonly section: string };
  invalid_date: { readonly value: string };
  invalid_validity: Record<never, never>;
  undecided_not_open: Record<never, never>;
  undecided_fallback: Record<never, never>;
  invalid_weight: { readonly fact: string };
  negative_weight: { readonly fact: string };
  fractional_weight: { readonly fact: string };
}

const checks = (name: string) => `compile/checks/${name}`;

/** How the codes of parts that do not fit together are documented. */
export const MEANING_ISSUES: IssueArea<MeaningIssuePayloads> = {
  title: 'Ruleset documents: parts that do not fit together',
  reportedBy:
    '`RulesetError` from `compileRuleset` and `createRulesetRegistry().register`: semantic checks on a document the ' +
    'schema accepts. An issue in an overlay has a path under `overlays/<index>`.',
  codes: {
    operator_type_mismatch: {
      means: 'An operator applied to a fact of a type it does not compare (e.g. `atLeast` on a boolean).',
      raisedIn: [checks('checkConditions')],
      example: ['rules', 0, 'when', 'operator'],
      fix: "Use an operator for the fact's type (see `docs/writing-rulesets.md`), or compare another fact.",
    },
    value_type_mismatch: {
      means: 'A comparison value that the fact can never hold: the wrong type, a list for one value, a foreign scale.',
      raisedIn: [checks('checkConditions')],
      example: ['rules', 0, 'when', 'value'],
      fix: 'Compare with a value of the fact\'s type: `true`, not `"true"`; a list only for `in` and `notIn`.',
    },
    unknown_value: {
      means: 'A comparison value outside the values the fact can hold (its catalogue, enum or scale).',
      raisedIn: [checks('checkConditions')],
      example: ['rules', 0, 'when', 'value', 1],
      fix: 'Use one of the values the message lists; a misspelt value would never match.',
    },
    fact_type_mismatch: {
      means: 'A fact declared with a type other than what it holds or what reads it needs.',
      raisedIn: [checks('checkFacts'), checks('checkAuthority')],
      example: ['facts', 'item.speciallyDesigned', 'type'],
      fix: 'Declare the type the transaction field or the derivation gives.',
    },
    attribute_type_mismatch: {
      means: 'A catalogue attribute whose value is not of the type the derived fact reading it needs.',
      raisedIn: [checks('checkFacts')],
      example: ['catalogues', 'red-flags', 'entries', 0, 'attributes', 'weight'],
      fix: 'Give every entry a value of that type, or `null` for not known where allowed.',
    },
    scale_mismatch: {
      means: 'Levels from different scales mixed, or a scale that lacks a level the records can hold.',
      raisedIn: [checks('checkFacts')],
      example: ['facts', 'knowledge', 'derive', 'scale'],
      fix: 'Read facts of one scale, and give the scale every level the field can hold.',
    },
    catalogue_mismatch: {
      means: 'A `sum` or `collect` over a list whose ids come from another catalogue than the one it reads.',
      raisedIn: [checks('checkFacts')],
      example: ['facts', 'redFlagWeight', 'derive', 'catalogue'],
      fix: 'Name the catalogue the list takes its ids from.',
    },
    invalid_field: {
      means: 'A record field that the records do not have (or, in `where`, one without fixed values).',
      raisedIn: [checks('checkFacts'), checks('recordFilter')],
      example: ['facts', 'anyHumanRightsFinding', 'derive', 'field'],
      fix: 'Use one of the fields the message lists.',
    },
    invalid_answers: {
      means: 'Answers bound to a catalogue where the fact cannot take catalogue ids.',
      raisedIn: [checks('checkAnswers')],
      example: ['facts', 'item.speciallyDesigned', 'answers'],
      fix: 'Bind catalogues only to the catalogue-bound transaction fields the message lists.',
    },
    invalid_threshold: {
      means: 'A threshold whose value and scale do not fit (a number with a scale, a level without one or not in it).',
      raisedIn: [checks('checkThresholds')],
      example: ['thresholds', 'aware', 'value'],
      fix: 'Give a number alone, or a level with the scale it belongs to.',
    },
    duplicate_precedence: {
      means: 'Two outcomes with the same precedence (`other` is the other one).',
      raisedIn: [checks('checkOutcomes')],
      example: ['outcomes', 'no_obligation', 'precedence'],
      fix: 'Rank outcomes strictly: each its own precedence.',
    },
    missing_ask: {
      means: 'A rule that decides the undecided outcome can hold without any `ask` condition, so nothing is asked.',
      raisedIn: [checks('checkConditions')],
      example: ['rules', 3, 'when'],
      fix: 'Mark the conditions that say what is missing with `"ask": true`.',
    },
    ask_without_effect: {
      means: '`ask` in a rule that does not decide the undecided outcome, where it has no effect.',
      raisedIn: [checks('checkConditions')],
      example: ['rules', 0, 'when', 'ask'],
      fix: 'Remove `ask`, or move the condition into a rule that decides the undecided outcome.',
    },
    invalid_section: {
      means: 'A section the kind of document may not have (e.g. `outcomes` in an overlay).',
      raisedIn: [checks('checkStructure'), checks('checkOverlayRules')],
      example: ['overlays', 0, 'outcomes'],
      fix: 'Remove it; base rulesets declare outcomes and authority, overlays add rules, facts and data.',
    },
    invalid_date: {
      means: 'A date in the right format that is not in the calendar (e.g. 2025-02-30).',
      raisedIn: [checks('checkStructure')],
      example: ['validity', 'to'],
      fix: 'Give a real date.',
    },
    undecided_not_open: {
      means: 'The undecided outcome is not `insufficient_information`, so an open case would read as a decision (D2).',
      raisedIn: [checks('checkUndecided')],
      example: ['undecided'],
      fix: 'Set `undecided` to `insufficient_information`.',
    },
    undecided_fallback: {
      means: 'The fallback decides the undecided outcome: an open case with no question to answer.',
      raisedIn: [checks('checkUndecided')],
      example: ['fallback', 'outcome'],
      fix: 'Give the fallback the outcome that holds when nothing applies.',
    },
    invalid_weight: {
      means: 'A weight the `sum` fact `fact` adds is not a whole number from 0 to 1,000,000 (or null).',
      raisedIn: [checks('checkWeights')],
      example: ['catalogues', 'red-flags', 'entries', 0, 'attributes', 'weight'],
      fix: 'Give a whole number in range, or null where it is not known.',
    },
    negative_weight: {
      means: 'A negative weight: adding an id would lower the sum, so more risk could mean less duty (D12).',
      raisedIn: [checks('checkWeights')],
      example: ['catalogues', 'red-flags', 'entries', 0, 'attributes', 'weight'],
      fix: 'Give a weight from 0.',
    },
    fractional_weight: {
      means: 'A fractional weight: sums of fractions depend on their order, so the outcome could too (D7).',
      raisedIn: [checks('checkWeights')],
      example: ['catalogues', 'red-flags', 'entries', 0, 'attributes', 'weight'],
      fix: 'Scale the weights and the thresholds they are compared with (by 10 or 100) to whole numbers.',
    },
    invalid_validity: {
      means: 'A validity window that ends before it starts (or, for `signRuleset`, none at all).',
      raisedIn: [checks('checkStructure'), 'signRuleset'],
      example: ['validity', 'to'],
      fix: 'Correct `from` or `to`.',
    },
  },
};
