import { assess } from './assess';
import { canonicalJson } from './document/canonicalJson';
import { plainDataIssues } from './document/plainData';
import { AssessmentError } from './errors/AssessmentError';
import { readOptions } from './errors/readArguments';
import { bundledRegistry } from './rulesets/bundledRegistry';
import { readReference, readRegistry, refuseCall } from './rulesets/registryArguments';
import type { Assessment } from './types/assessment';
import type { Outcome } from './types/outcome';
import type { RulesetRegistry } from './types/registry';

/** What replaying a recorded assessment found. */
export interface ReplayResult {
  /** The replay reached the recorded outcome and the same possible outcomes. */
  readonly matches: boolean;
  /** The whole replayed assessment equals the record: trace, questions, notes and all. */
  readonly identical: boolean;
  readonly recorded: { readonly outcome: Outcome; readonly possibleOutcomes: readonly Outcome[] };
  readonly replayed: Assessment;
  /** The assessment's top-level fields whose values differ from the record, e.g. `['outcome', 'trace']`. */
  readonly differences: readonly string[];
}

/** Options for `replay`. */
export interface ReplayOptions {
  /** Where to find the recorded ruleset by hash. Default: the bundled rulesets. */
  readonly registry?: RulesetRegistry;
}

/**
 * Re-assesses a transaction with the exact ruleset a recorded assessment names (base and overlays, found by sha256,
 * never by date), and reports whether the outcome still matches: proof, for an audit, that a filed decision can be
 * reproduced, or a pointer to what changed in the library since.
 *
 * @param record - An `Assessment` as filed (e.g. parsed from its JSON).
 * @param transaction - The transaction it assessed.
 * @throws {AssessmentError} `unknown_ruleset` when the registry does not hold a document with the recorded hash;
 * `invalid_argument` when the record is not an assessment (or not plain JSON data), `invalid_option` for options. {TransactionError} when the transaction is invalid.
 *
 * @example
 * const result = await replay(JSON.parse(readFileSync('assessment-4711.json', 'utf8')), order4711, { registry });
 * if (!result.matches) console.warn(`was ${result.recorded.outcome}, now ${result.replayed.outcome}`);
 */
export async function replay(
  record: unknown,
  transaction: unknown,
  options: ReplayOptions = {},
): Promise<ReplayResult> {
  const recorded = readRecord(record);
  const { registry } = readOptions<ReplayOptions>(options, { registry: 'any' }, refuseCall);
  const ruleset = (readRegistry(registry) ?? bundledRegistry()).find(recorded.ruleset);
  // Never by date: an undated transaction is replayed on a day its ruleset is in force, even one that has since expired.
  const replayed = await assess(transaction, { ruleset, asOf: ruleset.validity.from });
  const fields = [...new Set([...Object.keys(recorded), ...Object.keys(replayed)])];
  const differences = fields.filter(
    (field) =>
      canonicalJson((recorded as unknown as Record<string, unknown>)[field] ?? null) !==
      canonicalJson((replayed as unknown as Record<string, unknown>)[field] ?? null),
  );
  return {
    matches:
      replayed.outcome === recorded.outcome &&
      canonicalJson(replayed.possibleOutcomes) === canonicalJson(recorded.possibleOutcomes),
    identical: differences.length === 0,
    recorded: { outcome: recorded.outcome, possibleOutcomes: recorded.possibleOutcomes },
    replayed,
    differences,
  };
}

/**
 * A filed assessment, which is data from disk: plain JSON data first (no getter, proxy, cycle or nesting deep enough
 * to overflow the comparison), then outcome, possible outcomes and the ruleset it names.
 */
function readRecord(record: unknown): Assessment {
  const details = plainDataIssues(record, ['record']);
  const value = (details.length === 0 ? record : undefined) as Partial<Assessment> | null | undefined;
  if (
    typeof value !== 'object' ||
    value === null ||
    typeof value.outcome !== 'string' ||
    !Array.isArray(value.possibleOutcomes)
  )
    throw new AssessmentError(
      {
        path: ['record'],
        code: 'invalid_argument',
        message:
          'The record is not an assessment: it needs outcome, possibleOutcomes and ruleset { id, version, ' +
          `sha256, overlays }${details.length > 0 ? ', as plain JSON data:' : '.'}`,
      },
      { details },
    );
  readReference(value.ruleset, ['record', 'ruleset']);
  return value as Assessment;
}
