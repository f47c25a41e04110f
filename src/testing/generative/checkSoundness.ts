import fc from 'fast-check';
import { assessMany } from '../../assessMany';
import { compileRuleset } from '../../compileRuleset';
import { CodedError, fromIssue } from '../../errors/CodedError';
import type { Transaction } from '../../transaction/transactionSchema';
import type { Assessment, RulesetReference } from '../../types/assessment';
import type { CompiledRuleset } from '../../types/compiledRuleset';
import type { RulesetDocument } from '../../types/ruleset';
import { counterexampleMessage } from '../counterexampleMessage';
import { readRuleset, readRunOptions } from '../kitArguments';
import { coveringDataCompletions, dataCompletions } from './dataCompletions';
import { ownLoweringFailure, ownOrderFailure, ownSoundnessFailure } from './properties';
import { firstKnownContradiction } from './sourcesAgree';
import { transactionSpace, type TransactionSpaceOptions } from './transactionSpace';

/** Options for `checkSoundness`, `checkMonotonicity` and `checkOrderIndependence`. */
export interface PropertyCheckOptions {
  /** How many partial transactions to generate. Default 1,000. */
  readonly runs?: number;
  /** fast-check seed, to reproduce a run; default random (the report and any failure say which was used). */
  readonly seed?: number;
  /** fast-check replay path, printed with a failure together with its seed. */
  readonly path?: string;
  /** The complete transactions to start from (see `TransactionSpaceOptions`); default, the space's own. */
  readonly transactions?: fc.Arbitrary<Transaction>;
  /** `checkSoundness`: how many completions of each partial transaction to compare it with. Default 3. */
  readonly completions?: number;
  /**
   * `checkSoundness`: how many random completions of the ruleset's unknown data to compile and draw from, besides
   * those that try each value of each missing attribute (for a ruleset without overlays). Default 4.
   */
  readonly dataCompletions?: number;
}

/** What a passing run checked. */
export interface PropertyReport {
  readonly property: 'soundness' | 'monotonicity' | 'order independence';
  readonly ruleset: RulesetReference;
  readonly runs: number;
  readonly seed: number;
  /** Pairs of assessments compared: partial and completion, before and after a raise, or two orders. */
  readonly checked: number;
}

/** Thrown by `checkSoundness`, `checkMonotonicity` and `checkOrderIndependence` with the smallest counterexample. */
export class PropertyViolation extends CodedError<'property_violated'> {
  override readonly name = 'PropertyViolation';

  constructor(
    readonly property: PropertyReport['property'],
    /** What went wrong for `transaction`. */
    readonly detail: string,
    /** The shrunk partial transaction (for monotonicity, before the raise). */
    readonly transaction: Transaction,
    readonly ruleset: RulesetReference,
    /** Pass these back in the options to reproduce the failure. */
    readonly replay: { readonly seed: number; readonly path: string },
  ) {
    super(
      ...fromIssue({
        path: [],
        code: 'property_violated',
        property,
        message: counterexampleMessage(
          [`The ${property} property fails for ${ruleset.id} ${ruleset.version}: ${detail}`],
          transaction,
          replay,
        ),
      }),
    );
  }
}

/**
 * Soundness of `possibleOutcomes` and `certainDuties` for one ruleset: generates partial transactions over the fields it reads
 * (`transactionSpace`), completes each (every unknown field given a value) and completes the ruleset's own unknown
 * data (`dataCompletions`; for a ruleset without overlays), and checks that no completion leads outside the partial
 * transaction's possible outcomes nor loses one of its certain duties (`soundnessFailure`), on the compiled evaluator. A completion that contradicts a
 * source a `firstKnown` fact was answered from is not one (`firstKnownContradiction`): a failure on it does not count.
 *
 * @throws {PropertyViolation} with the smallest counterexample.
 *
 * @example
 * import { checkSoundness } from 'dual-use-rules/testing';
 * test('our ruleset never decides too early', () => { checkSoundness(ourRuleset, { runs: 2_000 }); });
 */
export function checkSoundness(ruleset: CompiledRuleset, options: PropertyCheckOptions = {}): PropertyReport {
  readRuleset(ruleset);
  // Each option read once and checked; the property reads the checked copy.
  options = readRunOptions(options);
  const document = ruleset.document as RulesetDocument;
  const space = transactionSpace(document, spaceOptions(options));
  const seed = options.seed ?? randomSeed();
  // Completions of the ruleset's data that try every value of every missing attribute, and a few random ones, each
  // compiled once (a ruleset may leave dozens of attributes unknown); and the ruleset as it is, for completions of
  // the transaction alone.
  const data: (CompiledRuleset | RulesetDocument)[] = [
    ruleset,
    ...(ruleset.overlays.length === 0
      ? [
          ...coveringDataCompletions(document),
          ...fc.sample(dataCompletions(document), { numRuns: options.dataCompletions ?? 4, seed }),
        ]
      : []),
  ];
  const compiled = (index: number): CompiledRuleset => {
    const entry = data[index] as CompiledRuleset | RulesetDocument;
    return 'sha256' in entry ? entry : (data[index] = compileRuleset(entry) as CompiledRuleset);
  };
  const count = options.completions ?? 3;
  const arbitrary = space.partial.chain((partial) =>
    fc.record({
      partial: fc.constant(partial),
      completions: fc.array(space.completionsOf(partial), { minLength: count, maxLength: count }),
      data: fc.nat(data.length - 1),
    }),
  );
  return run('soundness', ruleset, { ...options, seed }, arbitrary, ({ partial, completions, data: index }) => {
    const before = assessOne(ruleset, partial);
    const completedRuleset = compiled(index);
    // A completion that contradicts what the partial transaction states is not one (`firstKnownContradiction`):
    // its failure, if any, does not count (and is looked for only then).
    const failures = completions.map((completion) => {
      const failure = ownSoundnessFailure(before, assessOne(completedRuleset, completion));
      return failure === undefined ||
        firstKnownContradiction(
          { ruleset, transaction: partial },
          { ruleset: completedRuleset, transaction: completion },
        ) !== undefined
        ? undefined
        : failure;
    });
    return { checked: completions.length, failure: failures.find((failure) => failure !== undefined) };
  });
}

/** A seed for fast-check, drawn here so that what is sampled before the run can be reproduced with it. */
function randomSeed(): number {
  return Math.floor(Math.random() * 0x7fffffff);
}

/**
 * Monotonicity for one ruleset: generates partial transactions, makes every raise of each (one more red flag, a
 * finding's knowledge raised, one more finding: `Raise`), and checks that no raise lowers the possible outcomes in
 * the ruleset's precedence order (`loweringFailure`). It holds for a ruleset whose rules read red flags and knowledge only
 * to ask for more when there is more (see docs/security.md); run it on yours to check that it does.
 *
 * @throws {PropertyViolation} with the smallest counterexample.
 */
export function checkMonotonicity(ruleset: CompiledRuleset, options: PropertyCheckOptions = {}): PropertyReport {
  readRuleset(ruleset);
  // Each option read once and checked; the property reads the checked copy.
  options = readRunOptions(options);
  const document = ruleset.document as RulesetDocument;
  const space = transactionSpace(document, spaceOptions(options));
  return run(
    'monotonicity',
    ruleset,
    options,
    space.partial.map((partial) => ({ partial })),
    ({ partial }) => {
      const raises = space.raisesOf(partial);
      if (raises.length === 0) return { checked: 0, failure: undefined };
      const [before, ...after] = assessMany([partial, ...raises.map((raise) => raise.transaction)], {
        ruleset,
      }) as Assessment[];
      const failures = raises.map((raise, index) =>
        ownLoweringFailure(before as Assessment, after[index] as Assessment, document.outcomes, raise.description),
      );
      return { checked: raises.length, failure: failures.find((failure) => failure !== undefined) };
    },
  );
}

/**
 * Order independence for one ruleset: generates transactions and the same transactions with the entries of their
 * lists (red flags, capabilities, parties, findings, …) reversed and in a random order, and checks that the decision
 * is the same
 * (`orderFailure`): sums of weights are exact, and every derivation reads a list as a set.
 *
 * @throws {PropertyViolation} with the smallest counterexample.
 */
export function checkOrderIndependence(ruleset: CompiledRuleset, options: PropertyCheckOptions = {}): PropertyReport {
  readRuleset(ruleset);
  // Each option read once and checked; the property reads the checked copy.
  options = readRunOptions(options);
  const space = transactionSpace(ruleset.document as RulesetDocument, spaceOptions(options));
  const arbitrary = space.partial.chain((partial) =>
    fc.record({ partial: fc.constant(partial), reordered: space.reorderingsOf(partial) }),
  );
  return run('order independence', ruleset, options, arbitrary, ({ partial, reordered }) => {
    const [original, ...others] = assessMany([partial, space.reversed(partial), reordered], {
      ruleset,
    }) as Assessment[];
    const failures = others.map((other) => ownOrderFailure(original as Assessment, other));
    return { checked: others.length, failure: failures.find((failure) => failure !== undefined) };
  });
}

function spaceOptions(options: PropertyCheckOptions): TransactionSpaceOptions {
  return options.transactions === undefined ? {} : { transactions: options.transactions };
}

function assessOne(ruleset: CompiledRuleset, transaction: Transaction): Assessment {
  return assessMany([transaction], { ruleset })[0] as Assessment;
}

function run<T extends { partial: Transaction }>(
  property: PropertyReport['property'],
  ruleset: CompiledRuleset,
  options: PropertyCheckOptions,
  arbitrary: fc.Arbitrary<T>,
  check: (sample: T) => { checked: number; failure: string | undefined },
): PropertyReport {
  const reference: RulesetReference = {
    id: ruleset.id,
    version: ruleset.version,
    sha256: ruleset.sha256,
    overlays: ruleset.overlays,
  };
  let checked = 0;
  let failure: { detail: string; transaction: Transaction } | undefined;
  const details = fc.check(
    fc.property(arbitrary, (sample) => {
      const result = check(sample);
      checked += result.checked;
      if (result.failure === undefined) return true;
      failure = { detail: result.failure, transaction: sample.partial };
      return false;
    }),
    {
      numRuns: options.runs ?? 1000,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      ...(options.path === undefined ? {} : { path: options.path }),
    },
  );
  if (details.failed) {
    if (failure === undefined) throw details.errorInstance ?? new Error(`The ${property} check failed.`);
    throw new PropertyViolation(property, failure.detail, failure.transaction, reference, {
      seed: details.seed,
      path: details.counterexamplePath ?? '',
    });
  }
  return { property, ruleset: reference, runs: details.numRuns, seed: details.seed, checked };
}
