import type { Outcome } from '../types/outcome';

/** A JSON value an invariant may write into a transaction. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** The values a generated transaction may be given: one is drawn per transaction (and shrunk to the first). */
export interface ValueChoice {
  readonly oneOf: readonly [JsonValue, ...JsonValue[]];
}

/**
 * A change to a transaction, written as data. Paths are dotted transaction field paths (`item.annexIEntries`).
 * - `set`: gives the field one of the values (creating `item`, `endUser` or `dueDiligence` when absent).
 * - `append`: adds one record, each field drawn from its choices, to a list the transaction knows (a list that is
 *   unknown stays unknown: the invariant then does not apply to that transaction).
 */
export type TransactionEdit =
  | { readonly set: Readonly<Record<string, ValueChoice>> }
  | { readonly append: string; readonly record: Readonly<Record<string, ValueChoice>> };

/** What every invariant says about itself. */
export interface InvariantBase {
  /** Short name, shown when it fails. */
  readonly name: string;
  /** What it means, in words (and the law it rests on, for those that come from a ruleset's vocabulary). */
  readonly description: string;
}

/**
 * A property every generated transaction must keep, as data. The first three hold for any ruleset; the others are
 * parameterised by the vocabulary of a particular ruleset (field values, outcomes) and live with that ruleset's data.
 * - `possibleOutcomesSound`: completing a partial transaction never leads outside its `possibleOutcomes`.
 * - `deterministic`: assessing the same transaction twice gives deep-equal assessments.
 * - `coherent`: a decided outcome is the only possible one and has obligations; while several are possible the
 *   outcome is `insufficient_information`, without obligations; `insufficient_information` always asks a question.
 * - `fixedOutcome`: with the fields set as given, the outcome is always `outcome`, whatever else is (un)known.
 * - `neverLowers`: the edit never lowers the outcome's precedence (e.g. more knowledge never means less duty).
 * - `neverChanges`: the edit never changes the outcome or the possible outcomes.
 * - `questionsAnswerable`: every question names a field of the transaction contract, and answering it (with the
 *   completed transaction's value, or any other value the contract allows for a yes/no or a choice) removes the
 *   question, changes the rules asking it, or changes the outcome or the possible outcomes. Not among the general
 *   invariants: a ruleset whose own data leaves a fact unknown may ask that fact (the released 1.0.0 and 2.0.0 of the
 *   Article 5 ruleset ask `nationalSuspicionRule`); `QUESTIONS_ANSWERABLE` holds for those that keep every question
 *   answerable in the transaction.
 */
export type Invariant =
  | (InvariantBase & {
      readonly kind: 'possibleOutcomesSound' | 'deterministic' | 'coherent' | 'questionsAnswerable';
    })
  | (InvariantBase & { readonly kind: 'fixedOutcome'; readonly edit: TransactionEdit; readonly outcome: Outcome })
  | (InvariantBase & { readonly kind: 'neverLowers' | 'neverChanges'; readonly edit: TransactionEdit });

/** The invariants any ruleset must keep, whatever its vocabulary. */
export const GENERAL_INVARIANTS: readonly Invariant[] = [
  {
    kind: 'possibleOutcomesSound',
    name: 'possible outcomes are sound',
    description:
      'Answering the open questions (completing the unknown facts) never leads to an outcome outside ' +
      'possibleOutcomes; a decided outcome stays decided.',
  },
  {
    kind: 'deterministic',
    name: 'assessment is deterministic',
    description: 'The same transaction, assessed twice, gives deep-equal assessments.',
  },
  {
    kind: 'coherent',
    name: 'outcome, obligations and questions agree',
    description:
      'A decided outcome is the only possible outcome and rests on at least one obligation; while several ' +
      'outcomes are possible the outcome is insufficient_information, with no obligations, so an open case never ' +
      'reads as a decision; and insufficient_information always comes with a question (unknown is never false).',
  },
];

/**
 * Every question names a field of the transaction contract that answers it (issue 17): answering the field removes
 * or changes the question, or changes the outcome. Pass it to `checkInvariants` with the others, e.g.
 * `checkInvariants(ruleset, { invariants: [...defaultInvariants(ruleset), QUESTIONS_ANSWERABLE] })`.
 */
export const QUESTIONS_ANSWERABLE: Invariant = {
  kind: 'questionsAnswerable',
  name: 'every question is answerable in the transaction',
  description:
    'Every question names a field of the transaction contract (schemas/transaction.schema.json), and answering it ' +
    'with a complete, valid value removes the question or changes the rules asking it, the outcome or the possible ' +
    'outcomes.',
};
