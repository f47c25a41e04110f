import fc from 'fast-check';
import { assessEach } from '../../assessEach';
import { TransactionError } from '../../errors/TransactionError';
import type { Transaction } from '../../transaction/transactionSchema';
import type { Assessment, RulesetReference, TruthValue } from '../../types/assessment';
import type { Citation } from '../../types/citation';
import type { CompiledRuleset } from '../../types/compiledRuleset';
import type { Outcome } from '../../types/outcome';
import { partialTransactionArbitrary, sharedVocabulary } from '../arbitraries';
import { readRuleset, readRunOptions } from '../kitArguments';
import { staticDiff, type StaticChange } from './staticDiff';

/** Options for `diffRulesets`. */
export interface DiffOptions {
  /** How many transactions to generate. Default 2,000. */
  readonly runs?: number;
  /** fast-check seed; the same seed gives the same report. Default 1. */
  readonly seed?: number;
}

/** A rule whose result differs between the two rulesets for one transaction. */
export interface RuleDifference {
  readonly rule: string;
  readonly title: string;
  /** The rule's result under each ruleset; `absent` where that ruleset has no such rule. */
  readonly before: TruthValue | 'absent';
  readonly after: TruthValue | 'absent';
  /** The outcome the rule decides (under the after ruleset, where it has the rule). */
  readonly outcome: Outcome;
  readonly citation: Citation;
}

/** Every generated transaction whose outcome went from `before` to `after`. */
export interface OutcomeChange {
  readonly before: Outcome;
  readonly after: Outcome;
  /** How many of the generated transactions changed this way. */
  readonly count: number;
  /** The smallest such transaction fast-check could shrink to, with both assessments' outcomes. */
  readonly example: {
    readonly transaction: Transaction;
    readonly before: { readonly outcome: Outcome; readonly possibleOutcomes: readonly Outcome[] };
    readonly after: { readonly outcome: Outcome; readonly possibleOutcomes: readonly Outcome[] };
  };
  /** For the example: the rules whose results differ, with their citations. */
  readonly rules: readonly RuleDifference[];
  /** Over all transactions of the group: each rule whose result differed, and in how many of them. */
  readonly ruleCounts: readonly { readonly rule: string; readonly count: number }[];
}

/** What changes between two rulesets. */
export interface RulesetDiff {
  readonly before: RulesetReference;
  readonly after: RulesetReference;
  readonly runs: number;
  readonly seed: number;
  /** Generated transactions with the same outcome under both. */
  readonly unchanged: number;
  /** Outcome changes, grouped by (before → after), largest group first. */
  readonly changes: readonly OutcomeChange[];
  /** Rules, facts, catalogue entries, thresholds and the rest, added, removed or changed. */
  readonly static: readonly StaticChange[];
}

type Classified =
  { readonly key: string; readonly before: Assessment; readonly after: Assessment } | { readonly key: undefined };

/**
 * Compares two rulesets by what they decide. It generates transactions with fast-check (complete ones and ones with
 * unknown fields, drawing catalogue ids both rulesets accept), assesses each with both on the compiled evaluator,
 * and groups every outcome change by (before → after); each group gets the smallest transaction fast-check can
 * shrink it to, and the rules (with citations) whose results differ. A static comparison of the documents comes with it.
 *
 * @example
 * import { diffRulesets, formatRulesetDiff } from 'dual-use-rules/testing';
 * const diff = diffRulesets(loadRuleset('eu-2021-821-art5', { version: '1.0.0' }), compileRuleset(revised), { runs: 5000 });
 * console.log(formatRulesetDiff(diff));
 */
export function diffRulesets(before: CompiledRuleset, after: CompiledRuleset, options: DiffOptions = {}): RulesetDiff {
  readRuleset(before, ['before']);
  readRuleset(after, ['after']);
  const read = readRunOptions(options);
  const runs = read.runs ?? 2000;
  const seed = read.seed ?? 1;
  const arbitrary = diffTransactionArbitrary(before, after);
  const classify = (transaction: Transaction): Classified => {
    const assessed = assessBoth(before, after, transaction);
    if (assessed === undefined || assessed.before.outcome === assessed.after.outcome) return { key: undefined };
    return { key: `${assessed.before.outcome}\u0000${assessed.after.outcome}`, ...assessed };
  };

  // First pass: classify every generated transaction, remembering the first index of each change.
  const groups = new Map<string, { first: number; count: number; rules: Map<string, number> }>();
  let unchanged = 0;
  let index = 0;
  fc.check(
    fc.property(arbitrary, (transaction) => {
      const result = classify(transaction);
      if (result.key === undefined) unchanged++;
      else {
        const group = groups.get(result.key) ?? { first: index, count: 0, rules: new Map<string, number>() };
        group.count++;
        for (const { rule } of ruleDifferences(result.before, result.after))
          group.rules.set(rule, (group.rules.get(rule) ?? 0) + 1);
        groups.set(result.key, group);
      }
      index++;
      return true;
    }),
    { numRuns: runs, seed },
  );

  // Then, per group, replay its first transaction (same seed, its index as the path) and let fast-check shrink it.
  const changes = [...groups].map(([key, group]): OutcomeChange => {
    let found: { transaction: Transaction; before: Assessment; after: Assessment } | undefined;
    fc.check(
      fc.property(arbitrary, (transaction) => {
        const result = classify(transaction);
        if (result.key !== key) return true;
        found = { transaction, before: result.before, after: result.after };
        return false;
      }),
      { numRuns: runs, seed, path: String(group.first) },
    );
    if (found === undefined)
      throw new Error(
        `Internal error: the transaction at index ${group.first} no longer changes outcome when replayed.`,
      );
    return {
      before: found.before.outcome,
      after: found.after.outcome,
      count: group.count,
      example: { transaction: found.transaction, before: summary(found.before), after: summary(found.after) },
      rules: ruleDifferences(found.before, found.after),
      ruleCounts: [...group.rules]
        .map(([rule, count]) => ({ rule, count }))
        .sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule)),
    };
  });
  changes.sort((a, b) => b.count - a.count || a.before.localeCompare(b.before) || a.after.localeCompare(b.after));
  return {
    before: referenceOf(before),
    after: referenceOf(after),
    runs,
    seed,
    unchanged,
    changes,
    static: staticDiff(before.document, after.document),
  };
}

/**
 * Transactions both rulesets accept: a third complete, a third with up to three unknown fields (where most
 * differences between versions of guidance show), a third with any fields unknown.
 */
function diffTransactionArbitrary(before: CompiledRuleset, after: CompiledRuleset): fc.Arbitrary<Transaction> {
  const vocabulary = sharedVocabulary(before, after);
  return fc.oneof(
    { withCrossShrink: true },
    partialTransactionArbitrary(vocabulary, { maxUnknown: 0 }).map(({ partial }) => partial),
    partialTransactionArbitrary(vocabulary, { maxUnknown: 3 }).map(({ partial }) => partial),
    partialTransactionArbitrary(vocabulary).map(({ partial }) => partial),
  );
}

/** Both assessments, or `undefined` when either ruleset refuses the transaction (the shared vocabulary avoids it). */
function assessBoth(
  before: CompiledRuleset,
  after: CompiledRuleset,
  transaction: Transaction,
): { before: Assessment; after: Assessment } | undefined {
  // The generated transactions are undated: each ruleset assesses them on a day it is in force (the first of its
  // window), since an explicit ruleset is refused on a day outside it, and two versions may state different periods.
  const [was] = assessEach([transaction], { ruleset: before, asOf: before.validity.from });
  const [is] = assessEach([transaction], { ruleset: after, asOf: after.validity.from });
  for (const result of [was, is])
    if (result?.ok === false && !(result.error instanceof TransactionError)) throw result.error;
  return was?.ok === true && is?.ok === true ? { before: was.assessment, after: is.assessment } : undefined;
}

/** The rules whose result differs (or that exist under one ruleset only and do not come out false there), in the after ruleset's order. */
function ruleDifferences(before: Assessment, after: Assessment): RuleDifference[] {
  const beforeSteps = new Map(before.trace.map((step) => [step.rule, step]));
  const afterSteps = new Map(after.trace.map((step) => [step.rule, step]));
  const ids = [...new Set([...after.trace.map((step) => step.rule), ...before.trace.map((step) => step.rule)])];
  return ids.flatMap((rule): RuleDifference[] => {
    const [a, b] = [beforeSteps.get(rule), afterSteps.get(rule)];
    const beforeResult = a?.result ?? 'absent';
    const afterResult = b?.result ?? 'absent';
    const differs =
      beforeResult !== afterResult &&
      !(beforeResult === 'absent' && afterResult === 'false') &&
      !(afterResult === 'absent' && beforeResult === 'false');
    const step = (b ?? a) as NonNullable<typeof a>;
    return differs || (a !== undefined && b !== undefined && a.outcome !== b.outcome && b.result !== 'false')
      ? [
          {
            rule,
            title: step.title,
            before: beforeResult,
            after: afterResult,
            outcome: step.outcome,
            citation: step.citation,
          },
        ]
      : [];
  });
}

function summary(assessment: Assessment) {
  return { outcome: assessment.outcome, possibleOutcomes: assessment.possibleOutcomes };
}

function referenceOf(ruleset: CompiledRuleset): RulesetReference {
  return { id: ruleset.id, version: ruleset.version, sha256: ruleset.sha256, overlays: ruleset.overlays };
}
