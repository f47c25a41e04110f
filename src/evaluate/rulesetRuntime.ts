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
 * The documents a compiled ruleset was compiled from (the validated private copies, deeply frozen), as the
 * `Symbol.for('dual-use-rules.compiledRuleset')` method of a compiled ruleset gives them to this package's other
 * build (CommonJS or ES module), which compiles its own runtime from them: `format` is this object's shape and
 * `version` the package's.
 */
export interface RulesetSources {
  readonly format: 1;
  readonly version: string;
  readonly base: unknown;
  readonly overlays: readonly unknown[];
}

/** The key, shared by every copy of this package in a realm, of the method that gives a ruleset's sources. */
export const RULESET_SOURCES = Symbol.for('dual-use-rules.compiledRuleset');

/**
 * What `compileRuleset` returns: the public data of a `CompiledRuleset`, frozen, with its runtime and sources in
 * private fields. A copy, a proxy or a ruleset document has no such fields, so none can pass for it: `ownRuntime`
 * finds no runtime, and the sources method (on the prototype, not copied with the data) gives nothing for it.
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
  readonly #sources: RulesetSources;

  constructor(
    fields: Omit<CompiledRuleset, 'warnings'>,
    warnings: () => readonly Issue[],
    runtime: RulesetRuntime,
    sources: RulesetSources,
  ) {
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
    this.#sources = sources;
    Object.freeze(this);
  }

  /** The sources of this ruleset, for the package's other build; nothing when called on anything but one. */
  [RULESET_SOURCES](this: unknown): RulesetSources | undefined {
    return typeof this === 'object' && this !== null && #sources in this
      ? (this as CompiledRulesetWithRuntime).#sources
      : undefined;
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
 * as its public data, `runtime` and `sources` out of reach.
 */
export function createCompiledRuleset(
  fields: Omit<CompiledRuleset, 'warnings'>,
  warnings: () => readonly Issue[],
  runtime: RulesetRuntime,
  sources: RulesetSources,
): CompiledRuleset {
  return new CompiledRulesetWithRuntime(fields, warnings, runtime, sources);
}

/** The runtime of a ruleset this copy of the package compiled, or `undefined` for anything else. */
export function ownRuntime(ruleset: unknown): RulesetRuntime | undefined {
  return CompiledRulesetWithRuntime.runtimeOf(ruleset);
}
