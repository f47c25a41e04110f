import fc from 'fast-check';
import { assessEach } from '../assessEach';
import { canonicalJson } from '../document/canonicalJson';
import { TransactionError } from '../errors/TransactionError';
import type { Transaction } from '../transaction/transactionSchema';
import type { Assessment, RulesetReference } from '../types/assessment';
import type { CompiledRuleset } from '../types/compiledRuleset';
import type { Outcome } from '../types/outcome';
import { partialTransactionArbitrary, vocabularyOf } from './arbitraries';
import { incoherence } from './coherence';
import { applyEdit, concreteEditArbitrary, describeEdit, type ConcreteEdit } from './concreteEdits';
import { declaredInvariants } from './declaredInvariants';
import { GENERAL_INVARIANTS, type Invariant } from './invariants';
import { InvariantViolation } from './InvariantViolation';
import { readRuleset, readRunOptions } from './kitArguments';
import { answered, isBoolean, schemaAtPath, valueAt } from './questionPaths';
import type { UnknowableField } from './withUnknown';

/** Options for `checkInvariants`. */
export interface CheckInvariantsOptions {
  /** How many transactions to generate. Default 1,000; this repository's CI uses 10,000 per shipped ruleset. */
  readonly runs?: number;
  /** fast-check seed, to reproduce a run; default random (the report and any failure say which was used). */
  readonly seed?: number;
  /** fast-check replay path, printed with a failure together with its seed. */
  readonly path?: string;
  /** The invariants to check. Default `defaultInvariants(ruleset)`. */
  readonly invariants?: readonly Invariant[];
}

/** What a passing run checked. */
export interface InvariantReport {
  readonly ruleset: RulesetReference;
  readonly runs: number;
  readonly seed: number;
  /** Each invariant with the number of generated transactions it applied to (an `append` skips unknown lists). */
  readonly invariants: readonly { readonly name: string; readonly checked: number }[];
}

/**
 * The invariants `checkInvariants` checks by default: the general ones, plus those the shipped ruleset packages
 * declare (`rulesets/<id>/invariants.json`) for the ruleset's id and for each overlay composed into it.
 */
export function defaultInvariants(ruleset: CompiledRuleset): readonly Invariant[] {
  readRuleset(ruleset);
  return [
    ...GENERAL_INVARIANTS,
    ...declaredInvariants(ruleset.id),
    ...ruleset.overlays.flatMap((overlay) => declaredInvariants(overlay.id)),
  ];
}

/**
 * Generates transactions for a ruleset (complete ones, and partial ones with fields unknown) and checks that every
 * invariant holds for each, on the compiled evaluator (`assessEach`). On a failure, fast-check shrinks the transaction
 * and an `InvariantViolation` names the invariant, the smallest transaction and how to reproduce it.
 *
 * @returns What was checked, for a test to report or assert on.
 * @throws {InvariantViolation} for the first invariant broken.
 *
 * @example
 * import { test } from 'vitest';
 * import { checkInvariants } from 'dual-use-rules/testing';
 * test('our ruleset keeps the invariants', () => { checkInvariants(ourRuleset, { runs: 10_000 }); });
 */
export function checkInvariants(ruleset: CompiledRuleset, options: CheckInvariantsOptions = {}): InvariantReport {
  readRuleset(ruleset);
  const { runs, seed, path, invariants: given } = readRunOptions(options);
  const invariants = given ?? defaultInvariants(ruleset);
  const reference: RulesetReference = {
    id: ruleset.id,
    version: ruleset.version,
    sha256: ruleset.sha256,
    overlays: ruleset.overlays,
  };
  // The generated transactions are undated: assessed on a day the ruleset is in force (the first of its window), so a
  // ruleset for a past period is checked too (an explicit ruleset is refused on a day outside its window).
  const asOf = ruleset.validity.from;
  const assessOne = (transaction: Transaction): Assessment => {
    const [result] = assessEach([transaction], { ruleset, asOf });
    if (result?.ok !== true) throw result?.error ?? new Error('assessEach gave no result');
    return result.assessment;
  };
  const checked = invariants.map(() => 0);
  let target: number | undefined;
  let failure: { index: number; detail: string; transaction: Transaction } | undefined;

  const arbitrary = fc.record({
    sample: partialTransactionArbitrary(vocabularyOf(ruleset)),
    edits: fc.tuple(
      ...invariants.map((invariant) =>
        'edit' in invariant ? concreteEditArbitrary(invariant.edit) : fc.constant(undefined),
      ),
    ),
  });
  const property = fc.property(arbitrary, ({ sample, edits }) => {
    const memo = new Map<Transaction, Assessment>();
    const assessed = (transaction: Transaction) =>
      memo.get(transaction) ?? memo.set(transaction, assessOne(transaction)).get(transaction)!;
    const context: CheckContext = {
      ruleset,
      partial: sample.partial,
      complete: sample.complete,
      unknown: sample.unknown,
      assessed,
      assessFresh: assessOne,
    };
    for (const [index, invariant] of invariants.entries()) {
      if (target !== undefined && index !== target) continue;
      const result = checkOne(invariant, edits[index], context);
      if (result === 'skipped') continue;
      if (target === undefined) checked[index] = (checked[index] ?? 0) + 1;
      if (result !== undefined) {
        // Shrinking then keeps to this invariant, so the smallest case is a case of the same failure.
        target = index;
        failure = { index, detail: result, transaction: sample.partial };
        return false;
      }
    }
    return true;
  });
  const details = fc.check(property, {
    numRuns: runs ?? 1000,
    ...(seed === undefined ? {} : { seed }),
    ...(path === undefined ? {} : { path }),
  });
  if (details.failed) {
    if (failure === undefined)
      throw details.errorInstance ?? new Error(`Invariant check failed: ${String(details.errorInstance)}`);
    throw new InvariantViolation(
      invariants[failure.index] as Invariant,
      failure.detail,
      failure.transaction,
      reference,
      { seed: details.seed, path: details.counterexamplePath ?? '' },
    );
  }
  return {
    ruleset: reference,
    runs: details.numRuns,
    seed: details.seed,
    invariants: invariants.map((invariant, index) => ({ name: invariant.name, checked: checked[index] ?? 0 })),
  };
}

interface CheckContext {
  readonly ruleset: CompiledRuleset;
  readonly partial: Transaction;
  readonly complete: Transaction;
  readonly unknown: readonly UnknowableField[];
  /** Assesses once per transaction object. */
  readonly assessed: (transaction: Transaction) => Assessment;
  /** Assesses anew, every time. */
  readonly assessFresh: (transaction: Transaction) => Assessment;
}

/** What is wrong, `undefined` when the invariant holds, `'skipped'` when it does not apply to this transaction. */
function checkOne(
  invariant: Invariant,
  edit: ConcreteEdit | undefined,
  context: CheckContext,
): string | undefined | 'skipped' {
  const { ruleset, partial, assessed } = context;
  const precedence = (outcome: Outcome) => ruleset.document.outcomes?.[outcome]?.precedence ?? Number.NEGATIVE_INFINITY;
  const outcomes = (assessment: Assessment) =>
    `${assessment.outcome} (possible: ${assessment.possibleOutcomes.join(', ')})`;
  switch (invariant.kind) {
    case 'possibleOutcomesSound': {
      const before = assessed(partial);
      const after = assessed(context.complete);
      if (!before.possibleOutcomes.includes(after.outcome)) {
        return (
          `with ${context.unknown.join(', ') || 'nothing'} unknown the assessment is ` +
          `${outcomes(before)}, but the completed transaction gives ${after.outcome}.`
        );
      }
      if (before.possibleOutcomes.length === 1 && after.outcome !== before.outcome)
        return `the outcome ${before.outcome} was decided, but completing the unknown facts gives ${after.outcome}.`;
      return undefined;
    }
    case 'deterministic':
      return canonicalJson(context.assessFresh(structuredClone(partial))) === canonicalJson(assessed(partial))
        ? undefined
        : 'two assessments of the same transaction differ.';
    case 'coherent':
      return incoherence(assessed(partial));
    case 'questionsAnswerable':
      return unanswerableQuestion(context);
    case 'fixedOutcome':
    case 'neverLowers':
    case 'neverChanges': {
      const edited = applyEdit(partial, edit as ConcreteEdit);
      if (edited === undefined) return 'skipped';
      let after: Assessment;
      try {
        after = assessed(edited);
      } catch (error) {
        if (error instanceof TransactionError)
          return (
            `the invariant's edit ${describeEdit(edit as ConcreteEdit)} makes the transaction invalid: ` +
            `${error.message}`
          );
        throw error;
      }
      if (invariant.kind === 'fixedOutcome')
        return after.outcome === invariant.outcome
          ? undefined
          : `with ${describeEdit(edit as ConcreteEdit)} the outcome is ${outcomes(after)}, not ${invariant.outcome}.`;
      const before = assessed(partial);
      if (invariant.kind === 'neverLowers') {
        return precedence(after.outcome) >= precedence(before.outcome)
          ? undefined
          : `${describeEdit(edit as ConcreteEdit)} lowers the outcome from ${before.outcome} ` +
              `(precedence ${precedence(before.outcome)}) to ${after.outcome} (precedence ` +
              `${precedence(after.outcome)}).`;
      }
      return after.outcome === before.outcome &&
        canonicalJson(after.possibleOutcomes) === canonicalJson(before.possibleOutcomes)
        ? undefined
        : `${describeEdit(edit as ConcreteEdit)} changes the assessment from ${outcomes(before)} to ` +
            `${outcomes(after)}.`;
    }
  }
}

/** The first question that names no field of the contract, or that no complete, valid answer settles. */
function unanswerableQuestion(context: CheckContext): string | undefined {
  const { partial, complete, assessed } = context;
  const before = assessed(partial);
  const outcomes = (assessment: Assessment) => `${assessment.outcome} ${assessment.possibleOutcomes.join(',')}`;
  for (const question of before.questions) {
    const schema = schemaAtPath(question.fact);
    if (schema === undefined)
      return `the question "${question.fact}" names no field of the transaction contract (schemas/transaction.schema.json).`;
    const candidates: unknown[] = [valueAt(complete, question.fact)];
    if (isBoolean(schema)) candidates.push(true, false);
    for (const value of schema.enum ?? []) candidates.push(value);
    const settles = candidates.some((value) => {
      if (value === undefined || value === null) return false;
      let after: Assessment;
      try {
        after = assessed(answered(partial, complete, question.fact, value) as Transaction);
      } catch (error) {
        if (error instanceof TransactionError) return false;
        throw error;
      }
      const again = after.questions.find((other) => other.fact === question.fact);
      return (
        again === undefined ||
        canonicalJson(again.rules) !== canonicalJson(question.rules) ||
        outcomes(after) !== outcomes(before)
      );
    });
    if (!settles)
      return (
        `answering the question "${question.fact}" with any complete, valid value leaves the question, the rules ` +
        `asking it and the outcome (${outcomes(before)}) as they were.`
      );
  }
  return undefined;
}
