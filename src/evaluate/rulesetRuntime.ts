import { AssessmentError } from '../errors/AssessmentError';
import type { Issue } from '../errors/issue';
import type { Program } from '../model/program';
import { createTransactionSchema, type CatalogueIds, type TransactionSchema } from '../transaction/transactionSchema';
import type { RulesetReference } from '../types/assessment';
import type { CompiledRuleset } from '../types/compiledRuleset';
import { createAssessmentParts, type AssessmentParts } from './assessment/sharedParts';
import { CompiledEvaluator } from './compiled/compiledEvaluator';
import { EngineEvaluator } from './engine/engineEvaluator';
import { createFactPlan, type FactPlan } from './prepareFacts';
import { createTransactionReader, type TransactionReading } from './readTransaction';

/**
 * Everything that evaluates one compiled ruleset, built once by `compileRuleset` and owned by it: the program, the
 * transaction reader, the fact plan, the parts every assessment shares, and both evaluators. What either evaluator
 * builds lazily (json-rules-engine's rules, the compiled closures, the transaction schema) is built on first use, so
 * compiling costs nothing for a path that is never taken.
 */
export class RulesetRuntime {
  /** The ruleset's facts, rules, notes and outcomes, ready for evaluation. */
  readonly program: Program;
  /** Where each fact's value sits for the evaluators, and how the facts are computed from a transaction. */
  readonly factPlan: FactPlan;
  /** The parts of an assessment that depend only on the ruleset (`reference` among them), shared by every assessment. */
  readonly parts: AssessmentParts;
  /** The json-rules-engine evaluator, used by `assess`: the contract and the oracle. */
  readonly engine: EngineEvaluator;
  /** The compiled evaluator (plain closures), used by `assessMany` and `assessEach`. */
  readonly compiled: CompiledEvaluator;
  readonly #catalogueIds: CatalogueIds;
  #transactionSchema: TransactionSchema | undefined;
  #reader: ((input: unknown) => TransactionReading) | undefined;

  /**
   * @param reference - Identifies the ruleset in every assessment.
   * @param catalogueIds - The ids each catalogue-bound transaction field may hold under this ruleset.
   */
  constructor(program: Program, reference: RulesetReference, catalogueIds: CatalogueIds) {
    this.program = program;
    this.factPlan = createFactPlan(program);
    this.parts = createAssessmentParts(program, reference, this.factPlan.slots);
    this.engine = new EngineEvaluator(program);
    this.compiled = new CompiledEvaluator(program, this.factPlan.slots);
    this.#catalogueIds = catalogueIds;
  }

  /** The transaction schema with this ruleset's catalogue ids, built on first use. */
  transactionSchema(): TransactionSchema {
    return (this.#transactionSchema ??= createTransactionSchema(this.#catalogueIds));
  }

  /**
   * Validates a transaction against that schema and reads its id and the values of its input facts (at
   * `factPlan.inputPaths`); throws `TransactionError`.
   */
  readTransaction(input: unknown): TransactionReading {
    this.#reader ??= createTransactionReader(this.transactionSchema(), this.factPlan.inputPaths);
    return this.#reader(input);
  }
}

/**
 * What `compileRuleset` returns: the public data of a `CompiledRuleset`, frozen, with its runtime in a private field
 * that only `runtimeOf` reads. A copy, a proxy or a ruleset document has no such field, so none can pass for it.
 */
class CompiledRulesetWithRuntime implements CompiledRuleset {
  readonly id: string;
  readonly version: string;
  readonly title: string;
  readonly validity: CompiledRuleset['validity'];
  readonly sha256: string;
  readonly overlays: CompiledRuleset['overlays'];
  readonly overlayScopes: CompiledRuleset['overlayScopes'];
  readonly document: CompiledRuleset['document'];
  declare readonly warnings: readonly Issue[];
  readonly #runtime: RulesetRuntime;

  constructor(fields: Omit<CompiledRuleset, 'warnings'>, warnings: () => readonly Issue[], runtime: RulesetRuntime) {
    this.id = fields.id;
    this.version = fields.version;
    this.title = fields.title;
    this.validity = fields.validity;
    this.sha256 = fields.sha256;
    this.overlays = fields.overlays;
    this.overlayScopes = fields.overlayScopes;
    this.document = fields.document;
    // An own, enumerable getter, as on the plain object this used to be: the lint behind it runs on first read.
    Object.defineProperty(this, 'warnings', { get: warnings, enumerable: true });
    this.#runtime = runtime;
    Object.freeze(this);
  }

  /** The runtime of a ruleset made by `createCompiledRuleset`, or `undefined` (a check that runs no proxy trap). */
  static runtimeOf(value: unknown): RulesetRuntime | undefined {
    return typeof value === 'object' && value !== null && #runtime in value
      ? (value as CompiledRulesetWithRuntime).#runtime
      : undefined;
  }
}

/**
 * The compiled ruleset `compileRuleset` returns: `fields` and the lint findings `warnings` gives (read on first use)
 * as its public data, `runtime` out of reach.
 */
export function createCompiledRuleset(
  fields: Omit<CompiledRuleset, 'warnings'>,
  warnings: () => readonly Issue[],
  runtime: RulesetRuntime,
): CompiledRuleset {
  return new CompiledRulesetWithRuntime(fields, warnings, runtime);
}

/** The runtime of a ruleset made by `compileRuleset`; anything else is refused with a clear error. */
export function runtimeOf(ruleset: unknown): RulesetRuntime {
  const runtime = CompiledRulesetWithRuntime.runtimeOf(ruleset);
  if (runtime === undefined) {
    throw new AssessmentError(
      'not_a_compiled_ruleset',
      'options.ruleset must be a CompiledRuleset from compileRuleset() or loadRuleset(), not a ruleset ' +
        'document or a copy of one.',
    );
  }
  return runtime;
}
